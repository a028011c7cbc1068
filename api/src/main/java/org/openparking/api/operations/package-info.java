/**
 * Lot managers' corrections that span modules: refunding a payment of a booking or a session of their lot. The
 * look-ups of a lot's bookings and sessions live in those modules; this one only joins payments to lots.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.openparking.api.operations;

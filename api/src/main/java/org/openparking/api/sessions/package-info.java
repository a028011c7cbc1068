/**
 * Walk-in parking sessions: park now on a free spot, pay by tariff when leaving.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parking sessions")
package org.openparking.api.sessions;

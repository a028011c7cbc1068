/**
 * Finding spots: search for a window, free counts per class, quotes, and the live commercial state of spots.
 * A read model: it queries bookings and sessions with SQL of its own rather than through their modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Availability and search")
package org.openparking.api.availability;

/**
 * Finding spots: search for a window, free counts per class, quotes, and the live commercial state of spots.
 * A read model: it queries bookings and sessions with SQL of its own rather than through their modules (as well as
 * spots, tariffs and lots, read-only), because one set-based statement per page is what keeps search fast;
 * live holds come from Redis through {@link org.openparking.api.holds.SpotClaims}. The queries and the index layout
 * they rely on are measured by {@code bin/bench-search}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Availability and search")
package org.openparking.api.availability;

/**
 * Claims on spots in Redis, made atomic by Lua scripts: holds while a driver pays, and the claims of bookings and
 * walk-in sessions that holds must respect. Redis is the fast path; PostgreSQL stays the truth, and the claims of a
 * lot are rebuilt from it (through {@link org.openparking.api.holds.ClaimSource}) when Redis lost them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Holds and spot claims")
package org.openparking.api.holds;

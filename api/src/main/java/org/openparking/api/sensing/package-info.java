/**
 * Reconciliation of what the spots' sensors see (the gateway's {@code sensor_observation} stream) with what bookings
 * and sessions say: the observed state of each spot, the rules that raise alerts, operator alert handling and
 * occupancy KPIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sensing")
package org.openparking.api.sensing;

/**
 * The sensor registry as operators see it: registering devices on spots, their health and recent readings, and the
 * uplinks the gateway rejected. The sensor-gateway service writes the health, reading and dead-letter tables; this
 * module only reads them, and owns the registry the gateway reads (and caches, see {@code registerSensor}).
 * Reconciling what sensors observe with bookings and sessions is the {@code sensing} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sensors")
package org.openparking.api.sensors;

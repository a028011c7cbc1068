package org.openparking.gateway.state;

import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.uplink.Reading;

/** A reading from a registered device. */
public record KnownReading(Reading reading, SensorDevice device) {
}

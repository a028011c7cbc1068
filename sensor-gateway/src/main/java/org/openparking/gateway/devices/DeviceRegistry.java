package org.openparking.gateway.devices;

import java.util.Collection;
import java.util.Map;

/** Which devices are registered (table sensor_device, maintained by the admin side). */
public interface DeviceRegistry {

	/** The registered devices among these ids; unknown ids are simply absent from the result. */
	Map<String, SensorDevice> findAll(Collection<String> deviceIds);
}

package org.openparking.simulator;

import org.openparking.simulator.run.Deployment;

import picocli.CommandLine.Option;

/** Which lot to drive, and how its sensors are named. */
final class LotOptions {

	@Option(names = "--lot-id", description = "Drive this existing lot (its operator's token is needed).")
	String lotId;

	@Option(names = "--lot-name", defaultValue = "Simulated lot",
			description = "Reuse the operator's lot of this name, or create it (${DEFAULT-VALUE}).")
	String lotName;

	@Option(names = "--operator", defaultValue = "sim-operator",
			description = "Operator user owning the lot when tokens are minted (${DEFAULT-VALUE}).")
	String operator;

	@Option(names = "--sensor-model", defaultValue = "simulated",
			description = "Sensor model (parking.gateway.models.<model>) (${DEFAULT-VALUE}).")
	String sensorModel;

	@Option(names = "--device-prefix", description = "Device ids are prefix + spot code (default sim-<lot id>-).")
	String devicePrefix;

	@Option(names = "--hourly-rate", defaultValue = "250", description = "Tariff in cents per hour (${DEFAULT-VALUE}).")
	int hourlyRate;

	Deployment.Request request(int spots, int sensors) {
		return new Deployment.Request(lotId, lotName, operator, spots, sensors, sensorModel, devicePrefix, hourlyRate);
	}
}

package org.openparking.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "simulator", mixinStandardHelpOptions = true, version = "simulator 0.1.0",
		description = "Sensor fleet and driver traffic for the parking platform: demos, invariant tests, benchmarks.",
		subcommands = { SimulateCommand.class, BenchCommand.class, TokenCommand.class,
				CommandLine.HelpCommand.class })
public final class SimulatorCommand {

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	public static CommandLine commandLine() {
		return new CommandLine(new SimulatorCommand()).registerConverter(java.time.Duration.class,
				DurationConverter::parse);
	}
}

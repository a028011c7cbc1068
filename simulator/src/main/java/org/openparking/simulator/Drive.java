package org.openparking.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openparking.simulator.io.ApiException;
import org.openparking.simulator.io.GraphQlHttp;
import org.openparking.simulator.io.LiveSubscription;
import org.openparking.simulator.io.ParkingApi;
import org.openparking.simulator.io.SensorRadio;
import org.openparking.simulator.run.Deployment;
import org.openparking.simulator.run.DriverIdentities;
import org.openparking.simulator.run.Metrics;
import org.openparking.simulator.run.ObservationLatency;
import org.openparking.simulator.run.Progress;
import org.openparking.simulator.run.Report;
import org.openparking.simulator.plan.Plan;
import org.openparking.simulator.run.SimulationRun;

/** The part simulate and bench share: set up the lot, connect, play the plan with a progress line, report. */
final class Drive {

	record Result(Plan plan, Deployment deployment, SimulationRun run, Metrics metrics, Map<String, Object> report) {
	}

	private Drive() {
	}

	static Result run(String command, Plan plan, RunOptions options, long cutoff, PrintStream log) throws Exception {
		ConnectionOptions connection = options.connection;
		LotOptions lot = options.lot;
		ParkingApi api = new ParkingApi(new GraphQlHttp(connection.apiUrl, connection.timeout));
		String operatorToken = connection.operatorToken != null ? connection.operatorToken
				: connection.tokens().mint(lot.operator, List.of("OPERATOR"));
		Deployment deployment = Deployment.prepare(api, operatorToken,
				lot.request(plan.config().spots(), plan.config().sensors()), log);
		Metrics metrics = new Metrics();
		ObservationLatency latency = new ObservationLatency(metrics);
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("lotId", deployment.lotId());
		LiveSubscription subscription = null;
		try {
			subscription = LiveSubscription.open(connection.ws(), operatorToken,
					"subscription($lotId: ID!) { spotObservationChanged(lotId: $lotId) { spotId state observedAt } }",
					Map.of("lotId", deployment.lotId()), latency::observed,
					error -> metrics.error("e2e.subscription", error.length() > 60 ? error.substring(0, 60) : error));
		}
		catch (ApiException e) {
			extra.put("e2eUnavailable", e.getMessage());
			log.println("WARNING: no end-to-end latency: " + e.getMessage());
		}
		DriverIdentities identities = new DriverIdentities("sim-" + UUID.randomUUID().toString().substring(0, 6),
				connection.tokens(), connection.driverToken);
		try (SensorRadio radio = new SensorRadio(connection.mqttUrl, connection.mqttUsername,
				connection.mqttPassword, connection.mqttConnections)) {
			SimulationRun run = new SimulationRun(plan, deployment, api, radio, identities, metrics, latency);
			Thread hook = new Thread(run::stop);
			Runtime.getRuntime().addShutdownHook(hook);
			long began = System.nanoTime();
			try (Progress progress = new Progress(run, metrics, Math.min(cutoff, plan.end()), options.progress, log)) {
				run.play(cutoff);
			}
			Duration wall = Duration.ofNanos(System.nanoTime() - began);
			// The last readings' subscription events, for the end-to-end latency.
			Thread.sleep(3_000);
			extra.put("maxSchedulingLagMs", run.maxLagMillis());
			extra.put("readingsWithoutEvent", latency.unanswered());
			Map<String, Object> report = Report.build(command, plan, metrics, wall, extra);
			if (options.json) {
				Report.printJson(report, System.out);
			}
			else {
				Report.printHuman(report, System.out);
			}
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException e) {
				// Shutting down already: the hook has run.
			}
			return new Result(plan, deployment, run, metrics, report);
		}
		finally {
			if (subscription != null) {
				subscription.close();
			}
		}
	}
}

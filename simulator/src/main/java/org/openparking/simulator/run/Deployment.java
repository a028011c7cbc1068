package org.openparking.simulator.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.openparking.simulator.io.ApiException;
import org.openparking.simulator.io.ParkingApi;
import org.openparking.simulator.io.ParkingApi.LotRef;
import org.openparking.simulator.io.ParkingApi.SpotRef;

/**
 * The lot a run drives: found by id or by name (and operator) or created, topped up to the spots wanted, priced,
 * with a sensor registered on each of the first spots. Spot index i of the plan is the lot's i-th spot by code.
 */
public record Deployment(String lotId, List<SpotRef> spots, List<String> deviceIds, boolean sensorsRegistered) {

	public record Request(String lotId, String lotName, String operatorId, int spots, int sensors, String sensorModel,
			String devicePrefix, int hourlyRateMinor) {
	}

	public static Deployment prepare(ParkingApi api, String operatorToken, Request request, PrintStream log) {
		LotRef lot;
		if (request.lotId() != null) {
			lot = api.lot(operatorToken, request.lotId());
		}
		else {
			lot = api.findLot(operatorToken, request.lotName(), request.operatorId());
			if (lot == null) {
				log.println("Creating lot '" + request.lotName() + "'");
				lot = api.lot(operatorToken,
						api.createLot(operatorToken, request.lotName(), 52.52, 13.405, "Europe/Berlin"));
			}
			else {
				log.println("Reusing lot '" + request.lotName() + "' " + lot.id());
			}
		}
		if (lot.spots().size() < request.spots()) {
			Set<String> codes = new HashSet<>(lot.spots().stream().map(SpotRef::code).toList());
			List<String> missing = new ArrayList<>();
			for (int i = 1; codes.size() + missing.size() < request.spots(); i++) {
				String code = "S%05d".formatted(i);
				if (!codes.contains(code)) {
					missing.add(code);
				}
			}
			log.println("Adding " + missing.size() + " spots");
			api.addSpots(operatorToken, lot.id(), missing);
			lot = api.lot(operatorToken, lot.id());
		}
		api.setTariff(operatorToken, lot.id(), request.hourlyRateMinor());
		List<SpotRef> spots = lot.spots().subList(0, request.spots());
		String prefix = request.devicePrefix() != null ? request.devicePrefix() : "sim-" + lot.id().substring(0, 8) + "-";
		List<String> devices = new ArrayList<>();
		for (int i = 0; i < request.sensors(); i++) {
			devices.add(prefix + spots.get(i).code());
		}
		boolean registered = register(api, operatorToken, request, spots, devices, log);
		log.println("Lot " + lot.id() + ": " + spots.size() + " spots, " + devices.size() + " sensors"
				+ (registered ? " registered" : ""));
		return new Deployment(lot.id(), spots, devices, registered);
	}

	/** Eight at a time; an API without the sensing contract leaves them unregistered (the gateway dead-letters them). */
	private static boolean register(ParkingApi api, String operatorToken, Request request, List<SpotRef> spots,
			List<String> devices, PrintStream log) {
		AtomicReference<ApiException> missing = new AtomicReference<>();
		Semaphore permits = new Semaphore(8);
		try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < devices.size(); i++) {
				String device = devices.get(i);
				String spot = spots.get(i).id();
				calls.add(workers.submit(() -> {
					permits.acquireUninterruptibly();
					try {
						if (missing.get() == null) {
							api.registerSensor(operatorToken, device, spot, request.sensorModel());
						}
					}
					catch (ApiException e) {
						if (!e.kind().startsWith("GRAPHQL_")) {
							throw e;
						}
						missing.compareAndSet(null, e);
					}
					finally {
						permits.release();
					}
				}));
			}
			for (var call : calls) {
				try {
					call.get();
				}
				catch (ExecutionException e) {
					throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted");
				}
			}
		}
		if (missing.get() != null) {
			log.println("WARNING: registerSensor failed (" + missing.get().getMessage() + "); sensors are not registered");
			return false;
		}
		return true;
	}
}

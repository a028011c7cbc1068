package org.openparking.api.sessions.web;

import org.openparking.api.lots.SpotClass;

record StartSessionInput(String lotId, String spotId, SpotClass spotClass, String vehiclePlate,
		String idempotencyKey) {
}

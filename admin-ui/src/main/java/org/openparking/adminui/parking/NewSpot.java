package org.openparking.adminui.parking;

/** One spot of a bulk add. */
public record NewSpot(String code, SpotClass spotClass) {
}

package org.openparking.api.lots.internal;

import org.openparking.api.lots.SpotClass;

record SpotInput(String code, String zone, SpotClass spotClass, String evConnector, Integer maxHeightCm) {
}

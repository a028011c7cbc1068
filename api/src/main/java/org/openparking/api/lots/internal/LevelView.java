package org.openparking.api.lots.internal;

import java.util.UUID;

/** The source object of the GraphQL {@code Level} type. */
record LevelView(UUID id, UUID lotId, String code, String name, int ordinal) {
}

package org.openparking.adminui.security;

import java.time.Instant;

/** A login of the admin UI, without its password hash. */
public record AppUser(String username, Role role, boolean enabled, Instant createdAt, Instant updatedAt) {
}

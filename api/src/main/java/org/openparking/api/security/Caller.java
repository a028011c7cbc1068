package org.openparking.api.security;

import java.util.EnumSet;
import java.util.Set;

import org.openparking.api.shared.UserId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated user behind the current request. */
public record Caller(UserId id, Set<Role> roles) {

	public static Caller current() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Caller from(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated()) {
			throw new AuthenticationCredentialsNotFoundException("A bearer token is required");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : jwt.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				try {
					roles.add(Role.valueOf(name.substring(5)));
				}
				catch (IllegalArgumentException ignored) {
					// Roles this service does not know grant nothing.
				}
			}
		}
		return new Caller(new UserId(jwt.getName()), Set.copyOf(roles));
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	/** Operators act only on their own lots; administrators on every lot. */
	public void requireOperatorOf(String lotOperatorId) {
		if (isAdmin()) {
			return;
		}
		if (!has(Role.OPERATOR) || !id.value().equals(lotOperatorId)) {
			throw new AccessDeniedException("Only the lot's operator may do this");
		}
	}
}

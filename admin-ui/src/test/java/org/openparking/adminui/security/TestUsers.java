package org.openparking.adminui.security;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** Logs a user in for browserless view tests, the way Spring Security's form login leaves the context. */
public final class TestUsers {

	private TestUsers() {
	}

	public static CurrentUser loggedIn(String username, Role role) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				username, "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
		return new CurrentUser(new AuthenticationContext());
	}

	public static void logout() {
		SecurityContextHolder.clearContext();
	}
}

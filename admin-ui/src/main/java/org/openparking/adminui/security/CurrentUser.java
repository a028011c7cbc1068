package org.openparking.adminui.security;

import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** The logged-in user as the views need it: who, and whether they see every lot. */
@Component
public class CurrentUser {

	private final AuthenticationContext authentication;

	CurrentUser(AuthenticationContext authentication) {
		this.authentication = authentication;
	}

	public Caller get() {
		String name = authentication.getPrincipalName().orElseThrow(() -> new IllegalStateException("not logged in"));
		return new Caller(name, authentication.hasRole(Role.ADMIN.name()) ? Role.ADMIN : Role.OPERATOR);
	}

	public void logout() {
		authentication.logout();
	}
}

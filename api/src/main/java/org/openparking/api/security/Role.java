package org.openparking.api.security;

/** Carried in the token's {@code roles} claim; becomes the authority {@code ROLE_<name>}. */
public enum Role {
	DRIVER, OPERATOR, ADMIN
}

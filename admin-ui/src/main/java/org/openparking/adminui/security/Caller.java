package org.openparking.adminui.security;

/** Who acts: the api sees the same username as the token's subject and operator id. */
public record Caller(String username, Role role) {

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	/** An operator reaches only their own lots; an administrator every lot. */
	public boolean mayManage(String lotOperatorId) {
		return isAdmin() || username.equals(lotOperatorId);
	}
}

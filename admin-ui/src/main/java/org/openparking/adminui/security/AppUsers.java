package org.openparking.adminui.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The admin UI's users in its own schema; passwords only ever as {@link PasswordEncoder} hashes. */
@Repository
public class AppUsers implements UserDetailsService {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

	static final int MIN_PASSWORD_LENGTH = 8;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	AppUsers(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("select username, password_hash, role, enabled from app_users where username = ?")
			.param(username)
			.query((rs, row) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.roles(rs.getString("role"))
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	public List<AppUser> findAll() {
		return jdbc.sql("select username, role, enabled, created_at, updated_at from app_users order by username")
			.query((rs, row) -> new AppUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
			.list();
	}

	public boolean anyAdmin() {
		return jdbc.sql("select exists (select 1 from app_users where role = 'ADMIN')").query(Boolean.class).single();
	}

	public boolean exists(String username) {
		return jdbc.sql("select exists (select 1 from app_users where username = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	/** @throws InvalidUserException for a bad name, a short password or a name that is taken */
	@Transactional
	public void create(String username, String rawPassword, Role role) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidUserException("A username has 3 to 64 letters, digits or . _ @ -");
		}
		checkPassword(rawPassword);
		var now = java.sql.Timestamp.from(clock.instant());
		try {
			jdbc.sql("""
					insert into app_users (username, password_hash, role, enabled, created_at, updated_at)
					values (?, ?, ?, true, ?, ?)""")
				.params(username, passwords.encode(rawPassword), role.name(), now, now)
				.update();
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidUserException("The username " + username + " is taken");
		}
	}

	@Transactional
	public void resetPassword(String username, String rawPassword) {
		checkPassword(rawPassword);
		requireUpdated(jdbc.sql("update app_users set password_hash = ?, updated_at = ? where username = ?")
			.params(passwords.encode(rawPassword), java.sql.Timestamp.from(clock.instant()), username)
			.update(), username);
	}

	@Transactional
	public void setEnabled(String username, boolean enabled) {
		requireUpdated(jdbc.sql("update app_users set enabled = ?, updated_at = ? where username = ?")
			.params(enabled, java.sql.Timestamp.from(clock.instant()), username)
			.update(), username);
	}

	public Optional<AppUser> find(String username) {
		return findAll().stream().filter(user -> user.username().equals(username)).findFirst();
	}

	private static void checkPassword(String rawPassword) {
		if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidUserException("A password has at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	private static void requireUpdated(int rows, String username) {
		if (rows == 0) {
			throw new InvalidUserException("No user " + username);
		}
	}
}

package org.openparking.adminui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The admin UI against the real local PostgreSQL (its own schema in the test database): users, hashes, bootstrap,
 * and that nothing but the login page and health is reachable without logging in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parking.admin-ui.bootstrap.admin-password=admin-test-password")
@ActiveProfiles("test")
class AdminUiSecurityTest {

	@Autowired
	private AppUsers users;

	@Autowired
	private PasswordEncoder passwords;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theBootstrapAdministratorExistsWithABcryptHash() {
		assertThat(users.anyAdmin()).isTrue();
		String hash = jdbc.sql("select password_hash from app_users where role = 'ADMIN' order by created_at limit 1")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2");
	}

	@Test
	void passwordsAreStoredHashedAndCanBeReset() {
		String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(name, "first-password", Role.OPERATOR);
		String stored = users.loadUserByUsername(name).getPassword();
		assertThat(stored).doesNotContain("first-password");
		assertThat(passwords.matches("first-password", stored)).isTrue();

		users.resetPassword(name, "second-password");
		stored = users.loadUserByUsername(name).getPassword();
		assertThat(passwords.matches("second-password", stored)).isTrue();
		assertThat(passwords.matches("first-password", stored)).isFalse();
	}

	@Test
	void aDisabledUserCannotLogIn() {
		String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(name, "some-password", Role.OPERATOR);
		users.setEnabled(name, false);
		assertThat(users.loadUserByUsername(name).isEnabled()).isFalse();
		assertThat(users.find(name)).hasValueSatisfying(user -> assertThat(user.enabled()).isFalse());
	}

	@Test
	void badUsersAreRefusedWithAReason() {
		assertThatThrownBy(() -> users.create("x", "long-enough", Role.OPERATOR))
			.isInstanceOf(InvalidUserException.class)
			.hasMessageContaining("3 to 64");
		assertThatThrownBy(() -> users.create("valid-name", "short", Role.OPERATOR))
			.hasMessageContaining("at least 8");
		String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(name, "some-password", Role.OPERATOR);
		assertThatThrownBy(() -> users.create(name, "some-password", Role.ADMIN)).hasMessageContaining("taken");
		assertThatThrownBy(() -> users.resetPassword("nobody-here", "some-password")).hasMessageContaining("No user");
	}

	@Test
	void viewsNeedALoginButTheLoginPageAndHealthDoNot() throws Exception {
		assertThat(get("/").statusCode()).isEqualTo(302);
		assertThat(get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(get("/operators").statusCode()).isEqualTo(302);
		assertThat(get("/login").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin-test-password"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(302, 403);
		response.headers().firstValue("Location").ifPresent(l -> assertThat(l).doesNotEndWith("/"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}

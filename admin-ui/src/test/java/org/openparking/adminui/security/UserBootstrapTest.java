package org.openparking.adminui.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class UserBootstrapTest {

	@Test
	void theLocalDemoPasswordsAreRefusedUnderProd() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		UserBootstrap bootstrap = new UserBootstrap(null,
				new BootstrapProperties("admin", "admin-local", null, null), prod);
		assertThatThrownBy(() -> bootstrap.run(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("prod");
		UserBootstrap demo = new UserBootstrap(null,
				new BootstrapProperties("admin", "a-real-secret", "operator", "operator-local"), prod);
		assertThatThrownBy(() -> demo.run(null)).isInstanceOf(IllegalStateException.class);
	}
}

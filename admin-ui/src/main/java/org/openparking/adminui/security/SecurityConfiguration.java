package org.openparking.adminui.security;

import org.openparking.adminui.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Form login the way Vaadin's guide does it: {@link VaadinSecurityConfigurer} sets up CSRF for Vaadin's own
 * requests, the login view, logout and view access control ({@code @RolesAllowed} / {@code @PermitAll}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/styles/**")
			.permitAll());
		http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
		return http.build();
	}

	/** bcrypt today, with the {id} prefix so hashes can move to a newer encoder without a reset. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}

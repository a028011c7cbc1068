package org.openparking.api;

import org.junit.jupiter.api.Test;
import org.openparking.api.support.ApiIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class ApiStartsTest {

	@LocalServerPort
	int port;

	@Test
	void answersGraphQlOverHttp() {
		String body = RestClient.create("http://127.0.0.1:" + port)
			.post()
			.uri("/graphql")
			.header("Content-Type", "application/json")
			.body("{\"query\":\"{ __typename }\"}")
			.retrieve()
			.body(String.class);
		assertThat(body).contains("\"__typename\":\"Query\"");
	}
}

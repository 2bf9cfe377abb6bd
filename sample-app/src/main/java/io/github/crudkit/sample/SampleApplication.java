package io.github.crudkit.sample;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.servers.Server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the Hero/Team service.
 */
@SpringBootApplication
@OpenAPIDefinition(
		info = @Info(title = "crudkit sample: heroes and teams", version = "0.1.0",
				description = "A CRUD service built on the crudkit Spring Boot starter. It has no authentication, by "
						+ "design: it is a template for the data layer, and a service built from it adds its own.",
				license = @License(name = "No licence granted yet: all rights reserved",
						identifier = "LicenseRef-crudkit-all-rights-reserved")),
		servers = @Server(url = "/", description = "The server that serves this document"))
public class SampleApplication {

	/**
	 * Start the service.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}

package io.github.crudkit.sample;

import io.github.crudkit.replica.ReadRouting;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Documents the read-your-writes position on every successful answer of the API: present
 * when the service runs with read replicas ({@code crudkit.replica.url}), for the client
 * to send back on its next requests (see API.md, "Reading your own writes"). Only the
 * response header is in the document: as a request parameter of every operation it would
 * add an argument to every method of a generated client.
 */
@Component
class ReadAfterDocumentation implements OpenApiCustomizer {

	static final String HEADER = ReadRouting.DEFAULT_HEADER;

	private static final String DESCRIPTION = "Where the primary database's write-ahead log stood after this "
			+ "request's last write (or the position the request carried), for example 0/16B3748. Send it back as a "
			+ HEADER + " request header: a read replica then answers this client's reads only once it has replayed "
			+ "that far, so the client always sees its own writes. Present only when the service runs with read "
			+ "replicas.";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			if (!path.startsWith("/api/")) {
				return;
			}
			item.readOperations().forEach((operation) -> {
				if (operation.getResponses() == null) {
					return;
				}
				operation.getResponses().forEach((status, response) -> {
					if (status.startsWith("2")) {
						document(response);
					}
				});
			});
		});
	}

	private static void document(ApiResponse response) {
		response.addHeaderObject(HEADER, new Header().description(DESCRIPTION).schema(new StringSchema()));
	}

}

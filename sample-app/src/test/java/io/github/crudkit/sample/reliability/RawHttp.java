package io.github.crudkit.sample.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a fresh socket per request ({@code Connection: close}), so that every
 * request shows what the server does with a new connection: refused, answered, or left
 * hanging (a read timeout). Sends any bytes as path and body, unlike
 * {@code java.net.http}, which refuses malformed requests before they leave.
 */
final class RawHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final Duration timeout;

	RawHttp(int port, Duration timeout) {
		this.port = port;
		this.timeout = timeout;
	}

	Response get(String target) throws IOException {
		return send("GET", target, null, null, Map.of());
	}

	Response post(String target, String body) throws IOException {
		return send("POST", target, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	Response patch(String target, String body, Map<String, String> headers) throws IOException {
		return send("PATCH", target, "application/merge-patch+json", body.getBytes(StandardCharsets.UTF_8), headers);
	}

	Response send(String method, String target, @Nullable String contentType, byte @Nullable [] body,
			Map<String, String> headers) throws IOException {
		long start = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.setSoTimeout((int) this.timeout.toMillis());
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port),
					(int) this.timeout.toMillis());
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			head.append("Host: localhost:").append(this.port).append("\r\n");
			head.append("Connection: close\r\n");
			head.append("Accept: application/json, application/problem+json\r\n");
			if (contentType != null) {
				head.append("Content-Type: ").append(contentType).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (java.net.SocketException ex) {
				// The server may answer before it has read the whole body (413) and
				// close: read that answer.
			}
			byte[] raw = readAll(socket.getInputStream());
			return parse(raw, System.nanoTime() - start);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		try {
			while ((read = in.read(buffer)) != -1) {
				bytes.write(buffer, 0, read);
			}
		}
		catch (java.net.SocketException ex) {
			// A reset after the whole response arrived still leaves a complete response
			// to parse.
			if (bytes.size() == 0) {
				throw ex;
			}
		}
		return bytes.toByteArray();
	}

	private static Response parse(byte[] raw, long nanos) throws IOException {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			throw new IOException("Not an HTTP response (" + raw.length + " bytes): "
					+ text.substring(0, Math.min(200, text.length())));
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8), nanos);
	}

	private static byte[] dechunk(byte[] chunked) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int position = 0;
		while (position < chunked.length) {
			int lineEnd = indexOf(chunked, position);
			if (lineEnd < 0) {
				throw new IOException("Truncated chunked body");
			}
			String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeLine.substring(0, semicolon).trim() : sizeLine.trim(),
					16);
			position = lineEnd + 2;
			if (size == 0) {
				break;
			}
			if (position + size > chunked.length) {
				throw new IOException("Truncated chunk");
			}
			body.write(chunked, position, size);
			position += size + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A response and how long it took from connecting to the last byte.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body
	 * @param nanos the time taken
	 */
	record Response(int status, Map<String, String> headers, String body, long nanos) {

		@Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		Duration latency() {
			return Duration.ofNanos(this.nanos);
		}

		JsonNode json() {
			return RawHttp.json.readTree(this.body);
		}

		boolean isProblem() {
			String type = header("content-type");
			return type != null && type.startsWith("application/problem+json");
		}

	}

}

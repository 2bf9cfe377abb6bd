package io.github.crudkit.sample.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load balancer in front of several instances, as small as it gets: each TCP
 * connection goes to the next instance in turn. {@link RawHttp} opens one connection per
 * request, so requests alternate.
 */
final class RoundRobinProxy implements AutoCloseable {

	private final ServerSocket server;

	private final List<Integer> ports;

	private final AtomicLong connections = new AtomicLong();

	private volatile boolean open = true;

	private RoundRobinProxy(ServerSocket server, List<Integer> ports) {
		this.server = server;
		this.ports = List.copyOf(ports);
	}

	static RoundRobinProxy start(List<Integer> ports) {
		try {
			ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
			RoundRobinProxy proxy = new RoundRobinProxy(server, ports);
			Thread acceptor = new Thread(proxy::accept, "round-robin-proxy");
			acceptor.setDaemon(true);
			acceptor.start();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (this.open) {
			try {
				Socket client = this.server.accept();
				int target = this.ports.get((int) (this.connections.getAndIncrement() % this.ports.size()));
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				if (!this.open) {
					return;
				}
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream()) {
				OutputStream out = to.getOutputStream();
				int read;
				while ((read = in.read(buffer)) != -1) {
					out.write(buffer, 0, read);
					out.flush();
				}
				to.shutdownOutput();
			}
			catch (IOException ex) {
				// One side closed: the other is closed below.
			}
			finally {
				try {
					to.close();
				}
				catch (IOException ex) {
					// Closed already.
				}
			}
		}, "round-robin-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.open = false;
		this.server.close();
	}

}

package io.github.crudkit.test.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on {@code 127.0.0.1} for fault-injection tests: it forwards every
 * connection to a target host and port until it is {@linkplain #cut() cut}, which closes
 * every live connection at once and refuses new ones (or, {@linkplain #blackhole()
 * blackholed}, accepts them and never answers), and forwards again once
 * {@linkplain #restore() restored}. Point a client (a JDBC URL, say) at {@link #port()}
 * instead of the server. <pre class="code">
 * try (TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432)) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/app";
 *     ...
 *     proxy.cut();      // the database is gone
 *     proxy.restore();  // and back
 * }
 * </pre> Plain blocking {@code java.net} sockets, two daemon threads per connection;
 * meant for tests on the loopback interface only.
 *
 * @since 0.1.0
 */
public final class TcpProxy implements AutoCloseable {

	private static final int BUFFER_SIZE = 16 * 1024;

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private final String targetHost;

	private final int targetPort;

	private final ServerSocket server;

	private final ExecutorService threads;

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private final Set<Socket> held = ConcurrentHashMap.newKeySet();

	private final AtomicReference<State> state = new AtomicReference<>(State.FORWARDING);

	private final AtomicLong upstreamBytes = new AtomicLong();

	private final AtomicLong downstreamBytes = new AtomicLong();

	private final AtomicLong cutAtUpstreamBytes = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong severed = new AtomicLong();

	private volatile boolean closed;

	private TcpProxy(String targetHost, int targetPort, ServerSocket server) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = server;
		AtomicInteger counter = new AtomicInteger();
		this.threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "tcp-proxy-" + server.getLocalPort() + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Start a proxy on a free port of {@code 127.0.0.1} that forwards to the given
	 * target.
	 * @param targetHost the host to forward to
	 * @param targetPort the port to forward to
	 * @return the running proxy
	 */
	public static TcpProxy start(String targetHost, int targetPort) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
			TcpProxy proxy = new TcpProxy(targetHost, targetPort, server);
			proxy.threads.execute(proxy::acceptLoop);
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start a TCP proxy to " + targetHost + ":" + targetPort, ex);
		}
	}

	/**
	 * Return the host clients connect to: the loopback address.
	 * @return {@code 127.0.0.1}
	 */
	public String host() {
		return this.server.getInetAddress().getHostAddress();
	}

	/**
	 * Return the port clients connect to.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Close every live connection (both ends, with a reset) and refuse new ones: each is
	 * accepted and reset at once, so that a client fails fast, as against a stopped
	 * server.
	 */
	public void cut() {
		sever(State.REFUSING);
	}

	/**
	 * Close every live connection and let new ones hang: each is accepted and never
	 * answered, as behind a firewall that drops packets. Clients wait until their own
	 * timeouts.
	 */
	public void blackhole() {
		sever(State.BLACKHOLING);
	}

	/**
	 * Forward new connections again; connections held by {@link #blackhole()} are closed.
	 */
	public void restore() {
		this.cutAtUpstreamBytes.set(Long.MAX_VALUE);
		this.state.set(State.FORWARDING);
		closeHeld();
	}

	/**
	 * {@linkplain #cut() Cut} as soon as clients have sent the given number of bytes more
	 * towards the target; the read that crosses the mark is not forwarded. For a cut in
	 * the middle of a conversation (a transaction, say) without racing a timer.
	 * @param bytes how many more bytes may be forwarded to the target before the cut
	 */
	public void cutAfterUpstreamBytes(long bytes) {
		this.cutAtUpstreamBytes.set(this.upstreamBytes.get() + bytes);
	}

	/**
	 * Return whether the proxy forwards new connections.
	 * @return {@code true} unless cut or blackholed
	 */
	public boolean isForwarding() {
		return this.state.get() == State.FORWARDING;
	}

	/**
	 * Return how many connections are open through the proxy now.
	 * @return the live connections
	 */
	public int liveConnections() {
		return this.links.size();
	}

	/**
	 * Return how many connections were forwarded since the proxy started.
	 * @return the forwarded connections
	 */
	public long acceptedConnections() {
		return this.accepted.get();
	}

	/**
	 * Return how many connections were refused or held while cut.
	 * @return the refused connections
	 */
	public long refusedConnections() {
		return this.refused.get();
	}

	/**
	 * Return how many live connections cuts closed.
	 * @return the severed connections
	 */
	public long severedConnections() {
		return this.severed.get();
	}

	/**
	 * Return how many bytes were forwarded from clients to the target.
	 * @return the bytes sent upstream
	 */
	public long upstreamBytes() {
		return this.upstreamBytes.get();
	}

	/**
	 * Return how many bytes were forwarded from the target to clients.
	 * @return the bytes sent downstream
	 */
	public long downstreamBytes() {
		return this.downstreamBytes.get();
	}

	/**
	 * Stop listening and close every connection.
	 */
	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.server);
		this.links.forEach(Link::close);
		closeHeld();
		this.threads.shutdownNow();
		try {
			this.threads.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "TcpProxy[" + host() + ":" + port() + " -> " + this.targetHost + ":" + this.targetPort + ", "
				+ this.state.get() + "]";
	}

	private void sever(State newState) {
		this.state.set(newState);
		for (Link link : this.links) {
			if (link.close()) {
				this.severed.incrementAndGet();
			}
		}
	}

	private void acceptLoop() {
		while (!this.closed) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				if (this.closed) {
					return;
				}
				continue;
			}
			State current = this.state.get();
			if (current == State.REFUSING) {
				this.refused.incrementAndGet();
				reset(client);
			}
			else if (current == State.BLACKHOLING) {
				this.refused.incrementAndGet();
				this.held.add(client);
			}
			else {
				this.threads.execute(() -> open(client));
			}
		}
	}

	private void open(Socket client) {
		Socket upstream = new Socket();
		try {
			client.setTcpNoDelay(true);
			upstream.setTcpNoDelay(true);
			upstream.connect(new InetSocketAddress(this.targetHost, this.targetPort), CONNECT_TIMEOUT_MILLIS);
		}
		catch (IOException ex) {
			reset(client);
			closeQuietly(upstream);
			return;
		}
		Link link = new Link(client, upstream);
		this.links.add(link);
		this.accepted.incrementAndGet();
		if (!isForwarding()) {
			// Cut while connecting: the cut must not miss this one.
			link.close();
			return;
		}
		this.threads.execute(() -> pump(link, client, upstream, true));
		this.threads.execute(() -> pump(link, upstream, client, false));
	}

	private void pump(Link link, Socket from, Socket to, boolean towardsTarget) {
		byte[] buffer = new byte[BUFFER_SIZE];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (towardsTarget) {
					long total = this.upstreamBytes.addAndGet(read);
					if (total > this.cutAtUpstreamBytes.get()) {
						cut();
						return;
					}
				}
				else {
					this.downstreamBytes.addAndGet(read);
				}
				if (!isForwarding()) {
					return;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// The other end or a cut closed the connection.
		}
		finally {
			link.close();
		}
	}

	private void closeHeld() {
		for (Socket socket : this.held) {
			reset(socket);
		}
		this.held.clear();
	}

	private static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
		}
		catch (SocketException ex) {
			// Closed already.
		}
		closeQuietly(socket);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Nothing to do: it is closed either way.
		}
	}

	private enum State {

		FORWARDING, REFUSING, BLACKHOLING

	}

	private final class Link {

		private final Socket client;

		private final Socket upstream;

		private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(
				true);

		Link(Socket client, Socket upstream) {
			this.client = client;
			this.upstream = upstream;
		}

		/**
		 * Close both ends with a reset, once.
		 * @return whether this call closed it
		 */
		boolean close() {
			if (!this.open.compareAndSet(true, false)) {
				return false;
			}
			reset(this.client);
			reset(this.upstream);
			TcpProxy.this.links.remove(this);
			return true;
		}

	}

}

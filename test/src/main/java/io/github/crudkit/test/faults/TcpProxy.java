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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on {@code 127.0.0.1} for fault-injection tests: it forwards every
 * connection to a target host and port, and breaks the way to the target in one of three
 * ways until it is {@linkplain #restore() restored}. Point a client (a JDBC URL, say) at
 * {@link #port()} instead of the server. <pre class="code">
 * try (TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432)) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/app";
 *     ...
 *     proxy.cut();      // the database is gone
 *     proxy.restore();  // and back
 * }
 * </pre>
 * <ul>
 * <li>{@link #cut()}, connections reset: every live connection is closed with a reset,
 * and new ones are accepted and reset at once, as by a server that crashed.</li>
 * <li>{@link #refuse()}, new connections refused: the port stops listening, so that a
 * client's connect fails at once ({@code Connection refused}); established connections
 * keep working.</li>
 * <li>{@link #blackhole()}, a partition: nothing crosses the proxy in either direction,
 * on live connections and new ones alike, and nothing is closed; clients see silence
 * until their own timeouts.</li>
 * </ul>
 * Cuts can also be placed in the middle of a conversation, without racing a timer:
 * {@link #cutAfterUpstreamBytes(long)} after a number of bytes,
 * {@link #cutOnUpstream(String)} when a client sends a given text (a SQL statement, a
 * {@code COMMIT}, a {@code ROLLBACK}), which never arrives, and
 * {@link #cutAnswerTo(String)} once the target has received the text and answers it, so
 * that the answer never arrives (a {@code COMMIT} that took effect unbeknown to the
 * client). Plain blocking {@code java.net} sockets, two daemon threads per connection;
 * meant for tests on the loopback interface only.
 *
 * @since 0.1.0
 */
public final class TcpProxy implements AutoCloseable {

	private static final int BUFFER_SIZE = 16 * 1024;

	private static final int BACKLOG = 100;

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private static final long PARTITION_POLL_MILLIS = 5;

	private static final byte[] NOTHING = new byte[0];

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private volatile ServerSocket server;

	private volatile Future<?> acceptLoop = CompletableFuture.completedFuture(null);

	private final ExecutorService threads;

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private final Set<Socket> held = ConcurrentHashMap.newKeySet();

	private final AtomicReference<State> state = new AtomicReference<>(State.FORWARDING);

	private final AtomicLong upstreamBytes = new AtomicLong();

	private final AtomicLong downstreamBytes = new AtomicLong();

	private final AtomicLong cutAtUpstreamBytes = new AtomicLong(Long.MAX_VALUE);

	private final AtomicReference<byte @Nullable []> cutOnUpstream = new AtomicReference<>();

	private final AtomicReference<byte @Nullable []> cutAnswerTo = new AtomicReference<>();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong severed = new AtomicLong();

	private final AtomicLong triggeredCuts = new AtomicLong();

	private volatile boolean closed;

	private TcpProxy(String targetHost, int targetPort, ServerSocket server) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = server.getLocalPort();
		this.server = server;
		AtomicInteger counter = new AtomicInteger();
		this.threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "tcp-proxy-" + this.port + "-" + counter.incrementAndGet());
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
			TcpProxy proxy = new TcpProxy(targetHost, targetPort, listen(0));
			proxy.acceptInBackground(proxy.server);
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
		return InetAddress.getLoopbackAddress().getHostAddress();
	}

	/**
	 * Return the port clients connect to; it stays the same across {@link #refuse()} and
	 * {@link #restore()}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Reset connections: close every live connection (both ends, with a reset) and reset
	 * new ones as soon as they are accepted, so that a client fails fast, as against a
	 * server that crashed. Whatever a client sent but the server had not received is
	 * lost.
	 */
	public void cut() {
		this.state.set(State.RESETTING);
		for (Link link : this.links) {
			if (link.close()) {
				this.severed.incrementAndGet();
			}
		}
		resetHeld();
	}

	/**
	 * Refuse new connections: the port stops listening, so that a client's connect fails
	 * at once with {@code Connection refused}, as against a server that is not running.
	 * Established connections keep working (end them at the server, with
	 * {@code pg_terminate_backend} for one, to have a server that is shutting down).
	 * {@link #restore()} listens on the same port again.
	 */
	public void refuse() {
		this.state.set(State.REFUSING);
		closeQuietly(this.server);
		// The operating system closes a listening socket only once the thread blocked
		// in accept has returned: until then it would still complete connections.
		try {
			this.acceptLoop.get(5, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The proxy did not stop listening", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		resetHeld();
	}

	/**
	 * Partition: nothing crosses the proxy any more, in either direction, and nothing is
	 * closed. Live connections stay open and silent (what either end sends is held back,
	 * as TCP retransmits the packets a partition drops); new connections are accepted by
	 * the operating system and never answered. Clients wait until their own timeouts (a
	 * driver's socket timeout, a pool's connection timeout). On {@link #restore()}, what
	 * was held back is delivered to the connections both of whose ends are still open,
	 * and the connections that were never answered are reset.
	 */
	public void blackhole() {
		this.state.set(State.PARTITIONED);
	}

	/**
	 * Forward again, on the same port: listen again after {@link #refuse()}, reset the
	 * connections held unanswered by {@link #blackhole()}, and disarm any pending
	 * {@link #cutAfterUpstreamBytes(long)}, {@link #cutOnUpstream(String)} or
	 * {@link #cutAnswerTo(String)}.
	 */
	public void restore() {
		this.cutAtUpstreamBytes.set(Long.MAX_VALUE);
		this.cutOnUpstream.set(null);
		this.cutAnswerTo.set(null);
		ServerSocket current = this.server;
		if (current.isClosed() && !this.closed) {
			try {
				ServerSocket replacement = listen(this.port);
				this.server = replacement;
				acceptInBackground(replacement);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not listen on port " + this.port + " again", ex);
			}
		}
		this.state.set(State.FORWARDING);
		resetHeld();
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
	 * {@linkplain #cut() Cut} as soon as a client sends the given text towards the target
	 * (matched as UTF-8 bytes, case-sensitive, also across reads); the read that holds it
	 * is not forwarded, so the target never receives it. Fires once. With PostgreSQL,
	 * {@code cutOnUpstream("COMMIT")} cuts during a commit, {@code "ROLLBACK"} during a
	 * rollback, and a statement's text during that statement. The PostgreSQL JDBC driver
	 * sends a statement's text only until it prepares the statement on the server (after
	 * {@code prepareThreshold} uses, 5 by default, and after the first use for
	 * {@code COMMIT} and {@code ROLLBACK}); connect with {@code prepareThreshold=0} for
	 * it to send the text every time.
	 * @param text what the client sends when the cut is to fall
	 */
	public void cutOnUpstream(String text) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("The text to cut on must not be empty");
		}
		this.cutOnUpstream.set(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@linkplain #cut() Cut} as soon as the target answers a given text that a client
	 * sends (matched as {@link #cutOnUpstream(String)} matches it): the text reaches the
	 * target, which acts on it, and its answer never reaches the client. Fires once. With
	 * PostgreSQL, {@code cutAnswerTo("COMMIT")} makes a transaction commit while its
	 * client sees the connection break, as when a network fails between the database's
	 * commit and its acknowledgement; the driver sends the text of {@code COMMIT} on a
	 * connection only once unless it connects with {@code prepareThreshold=0}.
	 * @param text what the client sends whose answer is to be lost
	 */
	public void cutAnswerTo(String text) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("The text whose answer to lose must not be empty");
		}
		this.cutAnswerTo.set(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Return whether the proxy forwards: neither cut, refusing nor partitioned.
	 * @return {@code true} when forwarding
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
	 * Return how many connections were reset or held unanswered while cut or partitioned
	 * (those refused by a port that does not listen are not seen).
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
	 * Return how many cuts {@link #cutAfterUpstreamBytes(long)},
	 * {@link #cutOnUpstream(String)} and {@link #cutAnswerTo(String)} have made.
	 * @return the triggered cuts
	 */
	public long triggeredCuts() {
		return this.triggeredCuts.get();
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
		resetHeld();
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

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket server = new ServerSocket();
		try {
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
			return server;
		}
		catch (IOException ex) {
			closeQuietly(server);
			throw ex;
		}
	}

	private void acceptInBackground(ServerSocket listening) {
		this.acceptLoop = this.threads.submit(() -> acceptLoop(listening));
	}

	private void acceptLoop(ServerSocket listening) {
		while (!this.closed && !listening.isClosed()) {
			Socket client;
			try {
				client = listening.accept();
			}
			catch (IOException ex) {
				continue;
			}
			State current = this.state.get();
			if (current == State.RESETTING || current == State.REFUSING) {
				this.refused.incrementAndGet();
				reset(client);
			}
			else if (current == State.PARTITIONED) {
				this.refused.incrementAndGet();
				this.held.add(client);
				if (this.state.get() == State.FORWARDING) {
					// Restored meanwhile: the restore must not miss this one.
					resetHeld();
				}
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
		if (this.state.get() == State.RESETTING) {
			// Cut while connecting: the cut must not miss this one.
			link.close();
			return;
		}
		this.threads.execute(() -> pump(link, client, upstream, true));
		this.threads.execute(() -> pump(link, upstream, client, false));
	}

	private void pump(Link link, Socket from, Socket to, boolean towardsTarget) {
		byte[] buffer = new byte[BUFFER_SIZE];
		byte[] tail = NOTHING;
		byte[] answerTail = NOTHING;
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (towardsTarget) {
					long total = this.upstreamBytes.addAndGet(read);
					byte[] text = this.cutOnUpstream.get();
					boolean matched = text != null && contains(tail, buffer, read, text);
					tail = (text != null) ? tail(tail, buffer, read, text.length - 1) : NOTHING;
					if ((total > this.cutAtUpstreamBytes.get() && trigger())
							|| (matched && this.cutOnUpstream.compareAndSet(text, null) && trigger())) {
						return;
					}
					byte[] answered = this.cutAnswerTo.get();
					boolean answerMatched = answered != null && contains(answerTail, buffer, read, answered);
					answerTail = (answered != null) ? tail(answerTail, buffer, read, answered.length - 1) : NOTHING;
					if (answerMatched && this.cutAnswerTo.compareAndSet(answered, null)) {
						// Armed before the text leaves: its answer is the next thing the
						// target sends on this connection.
						link.answerLost = true;
					}
				}
				else if (link.answerLost && trigger()) {
					return;
				}
				else {
					this.downstreamBytes.addAndGet(read);
				}
				if (!awaitPassage()) {
					return;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// The other end or a cut closed the connection.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			// Across a partition, the end of a connection does not pass either.
			try {
				awaitPassage();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			link.close();
		}
	}

	private boolean trigger() {
		this.cutAtUpstreamBytes.set(Long.MAX_VALUE);
		this.triggeredCuts.incrementAndGet();
		cut();
		return true;
	}

	/**
	 * Wait while partitioned, holding back what was read.
	 * @return whether the bytes may pass; {@code false} once cut or closed
	 */
	private boolean awaitPassage() throws InterruptedException {
		State current;
		while ((current = this.state.get()) == State.PARTITIONED && !this.closed) {
			Thread.sleep(PARTITION_POLL_MILLIS);
		}
		return current != State.RESETTING && !this.closed;
	}

	private static boolean contains(byte[] tail, byte[] buffer, int length, byte[] text) {
		byte[] window = new byte[tail.length + length];
		System.arraycopy(tail, 0, window, 0, tail.length);
		System.arraycopy(buffer, 0, window, tail.length, length);
		outer: for (int i = 0; i <= window.length - text.length; i++) {
			for (int j = 0; j < text.length; j++) {
				if (window[i + j] != text[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static byte[] tail(byte[] tail, byte[] buffer, int length, int keep) {
		if (keep <= 0) {
			return NOTHING;
		}
		if (length >= keep) {
			return Arrays.copyOfRange(buffer, length - keep, length);
		}
		byte[] joined = new byte[Math.min(keep, tail.length + length)];
		int fromTail = joined.length - length;
		System.arraycopy(tail, tail.length - fromTail, joined, 0, fromTail);
		System.arraycopy(buffer, 0, joined, fromTail, length);
		return joined;
	}

	private void resetHeld() {
		for (Socket socket : this.held) {
			if (this.held.remove(socket)) {
				reset(socket);
			}
		}
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

		FORWARDING, RESETTING, REFUSING, PARTITIONED

	}

	private final class Link {

		private final Socket client;

		private final Socket upstream;

		private final AtomicBoolean open = new AtomicBoolean(true);

		/**
		 * Whether the next answer of the target on this connection is to be lost, set by
		 * {@link TcpProxy#cutAnswerTo(String)}.
		 */
		private volatile boolean answerLost;

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

package io.github.crudkit.test.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The proxy in front of an echo server on the loopback interface: the three ways of
 * breaking the way to it, the triggered cuts, and the restore.
 */
class TcpProxyTests {

	/**
	 * What the echo server answers only after 500 ms.
	 */
	private static final String DELAYED = "delayed";

	private ServerSocket echoServer;

	private ExecutorService echoThreads;

	private TcpProxy proxy;

	private final AtomicInteger delayedReceived = new AtomicInteger();

	@BeforeEach
	void startEchoServerAndProxy() throws IOException {
		this.echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.echoThreads = Executors.newCachedThreadPool();
		this.echoThreads.execute(this::echo);
		this.proxy = TcpProxy.start("127.0.0.1", this.echoServer.getLocalPort());
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.close();
		this.echoServer.close();
		this.echoThreads.shutdownNow();
	}

	@Test
	void listensOnLoopbackAndForwardsBothWays() throws IOException {
		assertThat(this.proxy.host()).isEqualTo("127.0.0.1");
		assertThat(this.proxy.port()).isPositive().isNotEqualTo(this.echoServer.getLocalPort());
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
			assertThat(roundTrip(socket, "again")).isEqualTo("again");
		}
		assertThat(this.proxy.acceptedConnections()).isEqualTo(1);
		assertThat(this.proxy.upstreamBytes()).isEqualTo(10);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.proxy.downstreamBytes() == 10);
	}

	@Test
	void forwardsManyConnectionsAndLargeTransfers() throws IOException {
		String large = "x".repeat(200_000);
		for (int i = 0; i < 10; i++) {
			try (Socket socket = connect()) {
				assertThat(roundTrip(socket, large)).isEqualTo(large);
			}
		}
		assertThat(this.proxy.acceptedConnections()).isEqualTo(10);
	}

	@Test
	void cutClosesLiveConnections() throws IOException {
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "before")).isEqualTo("before");
			await().atMost(Duration.ofSeconds(5)).until(() -> this.proxy.liveConnections() == 1);

			this.proxy.cut();

			assertThat(this.proxy.isForwarding()).isFalse();
			assertThat(this.proxy.liveConnections()).isZero();
			assertThat(this.proxy.severedConnections()).isEqualTo(1);
			assertClosed(socket);
		}
	}

	@Test
	void cutRefusesNewConnectionsAtOnce() throws IOException {
		this.proxy.cut();

		long start = System.nanoTime();
		assertRefused();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(this.proxy.refusedConnections()).isEqualTo(1);
		assertThat(this.proxy.acceptedConnections()).isZero();
	}

	@Test
	void blackholeAcceptsNewConnectionsButNeverAnswers() throws IOException {
		this.proxy.blackhole();

		try (Socket socket = connect()) {
			socket.setSoTimeout(300);
			socket.getOutputStream().write("anyone?".getBytes(StandardCharsets.UTF_8));
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> socket.getInputStream().read());
			assertThat(this.proxy.acceptedConnections()).isZero();
			assertThat(this.proxy.refusedConnections()).isEqualTo(1);
			this.proxy.restore();
			assertClosed(socket);
		}
	}

	@Test
	void blackholeKeepsLiveConnectionsOpenAndSilentTowardsTheTargetUntilRestored() throws IOException {
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "before")).isEqualTo("before");

			this.proxy.blackhole();
			socket.setSoTimeout(500);
			socket.getOutputStream().write("during".getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();

			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> socket.getInputStream().read());
			assertThat(this.proxy.liveConnections()).isOne();
			assertThat(this.proxy.downstreamBytes()).as("nothing came back from the target").isEqualTo(6);
			this.proxy.restore();
			socket.setSoTimeout(5000);
			assertThat(new String(socket.getInputStream().readNBytes(6), StandardCharsets.UTF_8))
				.as("held back, then delivered")
				.isEqualTo("during");
			assertThat(roundTrip(socket, "after")).isEqualTo("after");
		}
	}

	@Test
	void blackholeKeepsLiveConnectionsSilentTowardsTheClient() throws IOException {
		try (Socket socket = connect()) {
			// The echo server answers this one after 500 ms, when the partition has
			// begun.
			socket.getOutputStream().write(DELAYED.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.delayedReceived.get() == 1);
			this.proxy.blackhole();

			socket.setSoTimeout(1000);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> socket.getInputStream().read());
			this.proxy.restore();
			socket.setSoTimeout(5000);
			assertThat(new String(socket.getInputStream().readNBytes(DELAYED.length()), StandardCharsets.UTF_8))
				.isEqualTo(DELAYED);
		}
	}

	@Test
	void refuseStopsListeningWhileEstablishedConnectionsKeepWorking() throws IOException {
		try (Socket established = connect()) {
			assertThat(roundTrip(established, "before")).isEqualTo("before");

			this.proxy.refuse();

			long start = System.nanoTime();
			assertThatExceptionOfType(ConnectException.class).isThrownBy(this::connect)
				.withMessageContaining("refused");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			assertThat(this.proxy.isForwarding()).isFalse();
			assertThat(roundTrip(established, "during")).isEqualTo("during");

			this.proxy.restore();

			try (Socket socket = connect()) {
				assertThat(roundTrip(socket, "after")).isEqualTo("after");
			}
			assertThat(roundTrip(established, "still")).isEqualTo("still");
		}
	}

	@Test
	void cutOnUpstreamCutsWhenAClientSendsTheTextWithoutForwardingIt() throws IOException {
		try (Socket socket = connect(); Socket bystander = connect()) {
			assertThat(roundTrip(socket, "BEGIN")).isEqualTo("BEGIN");
			assertThat(roundTrip(bystander, "idle")).isEqualTo("idle");
			this.proxy.cutOnUpstream("COMMIT");
			assertThat(roundTrip(socket, "INSERT")).isEqualTo("INSERT");
			long downstream = this.proxy.downstreamBytes();

			socket.getOutputStream().write("xCOMMITx".getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();

			assertClosed(socket);
			assertClosed(bystander);
			assertThat(this.proxy.triggeredCuts()).isOne();
			assertThat(this.proxy.isForwarding()).isFalse();
			assertThat(this.proxy.downstreamBytes()).as("the target never saw the text").isEqualTo(downstream);
		}
	}

	@Test
	void cutAnswerToForwardsTheTextAndCutsWhenTheTargetAnswersIt() throws IOException {
		try (Socket socket = connect(); Socket bystander = connect()) {
			assertThat(roundTrip(socket, "BEGIN")).isEqualTo("BEGIN");
			assertThat(roundTrip(bystander, "idle")).isEqualTo("idle");
			this.proxy.cutAnswerTo("COMMIT");
			assertThat(roundTrip(socket, "INSERT")).isEqualTo("INSERT");
			long downstream = this.proxy.downstreamBytes();

			socket.getOutputStream().write("xCOMMITx".getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();

			assertClosed(socket);
			assertClosed(bystander);
			// Cut by the target's answer (the echo), which only a delivered text gets.
			assertThat(this.proxy.triggeredCuts()).isOne();
			assertThat(this.proxy.isForwarding()).isFalse();
			assertThat(this.proxy.downstreamBytes()).as("the answer never reached the client").isEqualTo(downstream);
		}
		this.proxy.restore();
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "COMMIT")).as("fired once").isEqualTo("COMMIT");
		}
	}

	@Test
	void cutOnUpstreamFindsTheTextAcrossReads() throws IOException {
		try (Socket socket = connect()) {
			this.proxy.cutOnUpstream("ROLLBACK");
			assertThat(roundTrip(socket, "ROLL")).isEqualTo("ROLL");

			socket.getOutputStream().write("BACK".getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();

			assertClosed(socket);
			assertThat(this.proxy.triggeredCuts()).isOne();
		}
	}

	@Test
	void cutOnUpstreamFiresOnceAndRestoreDisarmsIt() throws IOException {
		this.proxy.cutOnUpstream("COMMIT");
		try (Socket socket = connect()) {
			socket.getOutputStream().write("COMMIT".getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			assertClosed(socket);
		}
		this.proxy.restore();
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "COMMIT")).isEqualTo("COMMIT");
		}
		this.proxy.cutOnUpstream("ROLLBACK");
		this.proxy.restore();
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "ROLLBACK")).isEqualTo("ROLLBACK");
		}
		assertThat(this.proxy.triggeredCuts()).isOne();
	}

	@Test
	void restoreForwardsNewConnectionsAgain() throws IOException {
		this.proxy.cut();
		assertRefused();

		this.proxy.restore();

		assertThat(this.proxy.isForwarding()).isTrue();
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "back")).isEqualTo("back");
		}
	}

	@Test
	void cutAfterUpstreamBytesCutsInTheMiddleOfAConversationWithoutForwardingTheCrossingRead() throws IOException {
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "12345")).isEqualTo("12345");
			this.proxy.cutAfterUpstreamBytes(3);
			assertThat(roundTrip(socket, "678")).isEqualTo("678");

			socket.getOutputStream().write("9".getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();

			assertClosed(socket);
		}
		assertThat(this.proxy.isForwarding()).isFalse();
		assertThat(this.proxy.upstreamBytes()).isEqualTo(9);
		assertThat(this.proxy.downstreamBytes()).isEqualTo(8);
	}

	@Test
	void closeStopsListening() {
		int port = this.proxy.port();

		this.proxy.close();

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			}
		});
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.setSoTimeout(5000);
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.proxy.port()), 2000);
		return socket;
	}

	private static String roundTrip(Socket socket, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		socket.getOutputStream().write(bytes);
		socket.getOutputStream().flush();
		byte[] answer = socket.getInputStream().readNBytes(bytes.length);
		return new String(answer, StandardCharsets.UTF_8);
	}

	/**
	 * Assert that a new connection is refused: reset while connecting, or closed at once.
	 */
	private void assertRefused() throws IOException {
		Socket socket;
		try {
			socket = connect();
		}
		catch (IOException ex) {
			return;
		}
		try (socket) {
			assertClosed(socket);
		}
	}

	/**
	 * Assert that the other end closed the connection: a read ends (or fails) within a
	 * second, without data.
	 */
	private static void assertClosed(Socket socket) throws IOException {
		socket.setSoTimeout(1000);
		try {
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("connection still open", ex);
		}
		catch (IOException ex) {
			// A reset: closed.
		}
	}

	private void echo() {
		while (!this.echoServer.isClosed()) {
			try {
				Socket socket = this.echoServer.accept();
				this.echoThreads.execute(() -> {
					try (socket;
							InputStream in = socket.getInputStream();
							OutputStream out = socket.getOutputStream()) {
						byte[] buffer = new byte[8192];
						int read;
						while ((read = in.read(buffer)) != -1) {
							if (new String(buffer, 0, read, StandardCharsets.UTF_8).equals(DELAYED)) {
								this.delayedReceived.incrementAndGet();
								Thread.sleep(500);
							}
							out.write(buffer, 0, read);
							out.flush();
						}
					}
					catch (IOException ex) {
						// The client or the proxy went away.
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
			}
			catch (IOException ex) {
				return;
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				return;
			}
		}
	}

}

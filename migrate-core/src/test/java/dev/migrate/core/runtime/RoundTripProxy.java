package dev.migrate.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between a JDBC driver and its server on loopback that counts round trips: a round trip starts each
 * time the client sends after the server has answered (or for the first time). A pipelined batch, sent whole
 * before the driver reads any answer, counts once, as it costs once; a driver that waits for each answer counts
 * once per statement. One connection at a time.
 */
final class RoundTripProxy implements AutoCloseable {

	private static final Pattern HOST_PORT = Pattern.compile("//(127\\.0\\.0\\.1|localhost):(\\d+)");

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final AtomicInteger roundTrips = new AtomicInteger();

	// Who sent last: 'C' client, 'S' server; a client send after 'S' starts a round trip.
	private final AtomicReference<Character> last = new AtomicReference<>('S');

	private RoundTripProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "round-trip-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * @param url a JDBC URL naming a server on loopback
	 * @return a relay to that server
	 * @throws IOException if no port can be opened
	 */
	static RoundTripProxy to(String url) throws IOException {
		Matcher matcher = HOST_PORT.matcher(url);
		if (!matcher.find()) {
			throw new IllegalArgumentException("No loopback host and port in " + url);
		}
		return new RoundTripProxy(matcher.group(1), Integer.parseInt(matcher.group(2)));
	}

	/**
	 * @param url the URL the relay was made for
	 * @return the same URL, through the relay
	 */
	String url(String url) {
		return HOST_PORT.matcher(url).replaceFirst("//127.0.0.1:" + this.listener.getLocalPort());
	}

	/**
	 * @return the round trips so far
	 */
	int roundTrips() {
		return this.roundTrips.get();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket();
				server.connect(new InetSocketAddress(this.targetHost, this.targetPort));
				client.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				pump(client, server, 'C');
				pump(server, client, 'S');
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void pump(Socket from, Socket to, char side) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[65536];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read; (read = in.read(buffer)) >= 0;) {
					if (this.last.getAndSet(side) == 'S' && side == 'C') {
						this.roundTrips.incrementAndGet();
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// The other side closed.
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ex) {
					// Already closed.
				}
			}
		}, "round-trip-proxy-" + side);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
	}

}

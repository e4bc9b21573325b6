/**
 * The WebSocket shapes a script sees: `vu.ws`, the sockets it opens, and their options. Kept
 * apart from the implementation so the public face (`index.ts`) exports types only from here.
 */

/** A received message: a text frame as a string, a binary frame as a Buffer. */
export type WsMessage = string | Buffer;

/** What a socket sends: text as a string, binary as a Buffer (or any byte array). */
export type WsData = string | Buffer | Uint8Array;

/** A timeout as every duration in volley: a bare number of seconds, or `'500ms'`, `'2s'`. */
export type WsTimeout = number | string;

export interface WsConnectOptions {
  /** Extra handshake headers; they override the scenario's default headers by name. */
  headers?: Readonly<Record<string, string>>;
  /** Subprotocols offered in `sec-websocket-protocol` (`'chat'` or `['v2', 'v1']`). */
  protocols?: string | readonly string[];
  /** How long the handshake may take; default the scenario's HTTP timeout (60 s unless set). */
  timeout?: WsTimeout;
  /**
   * The name of the socket's rows (`CONNECT`, `RTT`, `SESSION`); default the URL's path without
   * its query, prefixed with its origin when that is not the scenario host's.
   */
  name?: string;
}

export interface WsWaitOptions {
  /** How long to wait; default the scenario's HTTP timeout (60 s unless set). */
  timeout?: WsTimeout;
}

export interface WsRequestOptions extends WsWaitOptions {
  /** The `RTT` row's name; default the socket's name. */
  name?: string;
}

/** How a socket closed: its close code (1005 when the peer sent none, 1006 when no close frame came) and reason. */
export interface WsCloseInfo {
  readonly code: number;
  readonly reason: string;
}

/** One open WebSocket of a virtual user. */
export interface WsSocket {
  /** The row name this socket records under. */
  readonly name: string;
  /** The subprotocol the server chose, or '' when none. */
  readonly protocol: string;
  /** Whether the socket is open (false once a close began). */
  readonly open: boolean;
  /** Resolves once the socket is closed, by either side or by the network; never rejects. */
  readonly closed: Promise<WsCloseInfo>;
  /** Sends one message (a string as a text frame, bytes as a binary one); throws once the socket is closing. */
  send(data: WsData): void;
  /**
   * The next message not taken by a `request()`: one already received and not yet read, or the
   * next to arrive. Rejects on timeout, or when the socket closes first. Messages wait for
   * `next()` in order, up to 1024 (older ones are dropped beyond that).
   */
  next(options?: WsWaitOptions): Promise<WsMessage>;
  /** Calls `listener` with every message received from now on (as well as delivering it as usual). */
  on(event: 'message', listener: (message: WsMessage) => void): this;
  /** Removes a listener added with `on`. */
  off(event: 'message', listener: (message: WsMessage) => void): this;
  /**
   * A round trip, recorded as one sample of the `RTT <name>` row: sends `message` (an object is
   * sent as JSON), then resolves with the first message `match` accepts (a synchronous
   * function; that message is not delivered to `next()`). A timeout, or the socket closing first, fails the sample and rejects.
   */
  request(message: WsData | object, match: (message: WsMessage) => boolean, options?: WsRequestOptions): Promise<WsMessage>;
  /** Starts the closing handshake (default code 1000); `closed` resolves when it is done. */
  close(code?: number, reason?: string): void;
}

/** `vu.ws`: this user's WebSocket client. Every socket it opened is closed when the user ends. */
export interface WsApi {
  /**
   * Opens a WebSocket: a relative URL (`/chat`) goes to the scenario host (http becomes ws,
   * https wss), `ws://` and `wss://` URLs go where they say. The handshake carries the
   * scenario's default headers and the user's cookies for that origin, and is recorded as the
   * `CONNECT <name>` row; a failed handshake fails that sample and rejects.
   */
  connect(url: string, options?: WsConnectOptions): Promise<WsSocket>;
}

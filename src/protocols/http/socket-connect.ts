/** Where a connection's socket goes and how it is made: TCP or TLS, with a connect timeout. */

import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** How a user's connections are made, the same for all of them. */
export interface ConnectionSettings {
  /** 0 for none. */
  connectTimeoutMs: number;
  /** Accept any TLS certificate (self-signed, expired, another host's): for test systems only. */
  insecure: boolean;
}

export interface ConnectionTarget {
  /** Host name or address for the socket (IPv6 without brackets). */
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** The TLS server name (SNI), for a host that is not an IP address. */
  readonly servername: string | undefined;
}

/**
 * What every plain TCP socket of this thread reads into. Each read is handed to its connection's
 * callback at once, and the next read (of any socket) comes only after that callback returned, so
 * one buffer serves them all: Node then allocates nothing per read (with 'data' events it makes a
 * buffer for every read), and a waiting connection holds no read buffer of its own.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/**
 * Starts connecting a socket to `target`, with Nagle off (a request is one write) and the connect
 * timeout as its idle timeout (the connection lifts it once connected). It is ready on
 * `readyEvent(target)`. What it reads goes to `onRead`, valid only during that call for plain TCP
 * (`transientReads`): TLS sockets cannot read into a buffer of the caller's and emit 'data'.
 */
export function openSocket(target: ConnectionTarget, settings: ConnectionSettings, onRead: (chunk: Buffer) => void): Socket {
  const socket: Socket = target.secure
    ? connectTls({
        host: target.host,
        port: target.port,
        servername: target.servername,
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: !settings.insecure,
      })
    : connectTcp({
        host: target.host,
        port: target.port,
        onread: {
          buffer: READ_BUFFER,
          callback: (length: number) => {
            onRead(READ_BUFFER.subarray(0, length));
            return true;
          },
        },
      });
  if (target.secure) socket.on('data', onRead);
  socket.setNoDelay(true);
  if (settings.connectTimeoutMs > 0) socket.setTimeout(settings.connectTimeoutMs);
  return socket;
}

/** Whether what a socket to `target` reads is valid only during the read callback (see READ_BUFFER). */
export function transientReads(target: ConnectionTarget): boolean {
  return !target.secure;
}

/** The event a socket to `target` emits once it can carry requests. */
export function readyEvent(target: ConnectionTarget): 'secureConnect' | 'connect' {
  return target.secure ? 'secureConnect' : 'connect';
}

/** `host:port`, IPv6 in brackets, for messages. */
export function hostPort(target: ConnectionTarget): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}

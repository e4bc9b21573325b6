/**
 * The demo target's TLS certificate and key: a self-signed test certificate for the loopback
 * only (CN localhost; SAN 127.0.0.1, ::1 and localhost; valid until 2126). It is a TEST KEY,
 * public in volley's source: it proves nothing and protects nothing, and must never serve
 * anything but the demo on a loopback address. Clients reach the demo's https:// listener with
 * `insecure` (or by trusting this certificate).
 *
 * Generated once with OpenSSL 3.0:
 *   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
 *     -subj /CN=localhost -addext "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost" \
 *     -keyout key.pem -out cert.pem
 */

export const DEMO_TLS_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBrTCCAVSgAwIBAgIUQ3z+KRB/gc9UU43SyJN/GQfk6xcwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMzA4MzE1NFoYDzIxMjYxMTA5
MDgzMTU0WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAARx3RM4t1PK/G9Upr1kTYNJAeaj/msA4hfdEl9iDjK6jmAc0YAfdK8t
H4MxFKePfJXt8TlCo+GQGG/hOcpGXziPo4GBMH8wHQYDVR0OBBYEFPMo+wr/kq3t
I8NU9NM5xAydXttdMB8GA1UdIwQYMBaAFPMo+wr/kq3tI8NU9NM5xAydXttdMA8G
A1UdEwEB/wQFMAMBAf8wLAYDVR0RBCUwI4cEfwAAAYcQAAAAAAAAAAAAAAAAAAAA
AYIJbG9jYWxob3N0MAoGCCqGSM49BAMCA0cAMEQCIFn207YXJMdbzX47Aq59+/IO
AxWk+j3lEhZ72kIYq/23AiACAO8jnUzlOVqMiuDh9HrXpn2p3+UFvJEorx283mWM
+w==
-----END CERTIFICATE-----
`;

export const DEMO_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgocWBQHeudgGspUgI
FP9MSeMDHRsrefpi42lXeEweG5mhRANCAARx3RM4t1PK/G9Upr1kTYNJAeaj/msA
4hfdEl9iDjK6jmAc0YAfdK8tH4MxFKePfJXt8TlCo+GQGG/hOcpGXziP
-----END PRIVATE KEY-----
`;

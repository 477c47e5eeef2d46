/**
 * Where a channel's server-to-client events go: a socket.io namespace in a web server, or the
 * same namespace reached through Redis (`@socket.io/redis-emitter`) from a process that holds no
 * sockets, such as the job worker. With the Redis adapter either one reaches every replica.
 */
export interface Broadcaster {
  emit(event: string, ...args: unknown[]): unknown;
  to(room: string): { emit(event: string, ...args: unknown[]): unknown };
}

package org.tiptrace.ip;

import java.time.Instant;

/**
 * One sighting of an address used by an account, from any tip (input to rule SHARED_NET).
 *
 * @param ip the address, any literal form
 * @param account an account key that distinguishes unrelated accounts (ESP + user id)
 */
public record AccountObservation(String ip, String account, Instant at) {}

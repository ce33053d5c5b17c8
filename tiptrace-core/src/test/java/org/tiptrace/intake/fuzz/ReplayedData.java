package org.tiptrace.intake.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * A scripted {@link FuzzedDataProvider} for unit tests of the mutators: each {@code consume} call
 * takes the next scripted number, and an exhausted script answers like Jazzer's provider on an
 * exhausted input (the minimum, {@code false}, the empty string).
 */
final class ReplayedData implements FuzzedDataProvider {
  private final int[] script;
  private int next;

  ReplayedData(int[] script) {
    this.script = script.clone();
  }

  private long take() {
    return next < script.length ? script[next++] : 0;
  }

  private long inRange(long min, long max) {
    long span = max - min + 1;
    long v = take();
    return span <= 0 ? min + v : min + Math.floorMod(v, span);
  }

  @Override
  public boolean consumeBoolean() {
    return take() != 0;
  }

  @Override
  public int consumeInt(int min, int max) {
    return (int) inRange(min, max);
  }

  @Override
  public long consumeLong(long min, long max) {
    return inRange(min, max);
  }

  @Override
  public int consumeInt() {
    return (int) take();
  }

  @Override
  public long consumeLong() {
    return take();
  }

  @Override
  public byte consumeByte() {
    return (byte) take();
  }

  @Override
  public byte consumeByte(byte min, byte max) {
    return (byte) inRange(min, max);
  }

  @Override
  public short consumeShort() {
    return (short) take();
  }

  @Override
  public short consumeShort(short min, short max) {
    return (short) inRange(min, max);
  }

  @Override
  public char consumeChar() {
    return (char) take();
  }

  @Override
  public char consumeChar(char min, char max) {
    return (char) inRange(min, max);
  }

  @Override
  public char consumeCharNoSurrogates() {
    return (char) take();
  }

  /** Strings are scripted as their length in {@code x}s. */
  @Override
  public String consumeString(int maxLength) {
    return "x".repeat((int) Math.min(maxLength, Math.max(0, take())));
  }

  @Override
  public String consumeAsciiString(int maxLength) {
    return consumeString(maxLength);
  }

  @Override
  public String consumeRemainingAsString() {
    return "";
  }

  @Override
  public String consumeRemainingAsAsciiString() {
    return "";
  }

  @Override
  public byte[] consumeBytes(int maxLength) {
    return new byte[0];
  }

  @Override
  public byte[] consumeRemainingAsBytes() {
    return new byte[0];
  }

  @Override
  public int remainingBytes() {
    return script.length - next;
  }

  @Override
  public boolean[] consumeBooleans(int maxLength) {
    throw new UnsupportedOperationException();
  }

  @Override
  public short[] consumeShorts(int maxLength) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int[] consumeInts(int maxLength) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long[] consumeLongs(int maxLength) {
    throw new UnsupportedOperationException();
  }

  @Override
  public float consumeFloat() {
    throw new UnsupportedOperationException();
  }

  @Override
  public float consumeRegularFloat() {
    throw new UnsupportedOperationException();
  }

  @Override
  public float consumeRegularFloat(float min, float max) {
    throw new UnsupportedOperationException();
  }

  @Override
  public float consumeProbabilityFloat() {
    throw new UnsupportedOperationException();
  }

  @Override
  public double consumeDouble() {
    throw new UnsupportedOperationException();
  }

  @Override
  public double consumeRegularDouble() {
    throw new UnsupportedOperationException();
  }

  @Override
  public double consumeRegularDouble(double min, double max) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double consumeProbabilityDouble() {
    throw new UnsupportedOperationException();
  }
}

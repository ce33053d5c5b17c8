package org.tiptrace.tip;

/**
 * Flags of {@code fileDetails/fileAnnotations} (the legacy {@code potentialMeme} element maps to
 * {@link #POTENTIAL_MEME}).
 */
public enum FileAnnotation implements WireValue {
  ANIME_DRAWING_VIRTUAL_HENTAI("animeDrawingVirtualHentai"),
  POTENTIAL_MEME("potentialMeme"),
  VIRAL("viral"),
  POSSIBLE_SELF_PRODUCTION("possibleSelfProduction"),
  PHYSICAL_HARM("physicalHarm"),
  VIOLENCE_GORE("violenceGore"),
  BESTIALITY("bestiality"),
  LIVE_STREAMING("liveStreaming"),
  INFANT("infant"),
  GENERATIVE_AI("generativeAi");

  private final String wire;

  FileAnnotation(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

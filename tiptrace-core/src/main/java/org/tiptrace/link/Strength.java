package org.tiptrace.link;

/** How much one shared identifier proves. */
public enum Strength {
  /** Identifies one account holder: two persons sharing it become one subject. */
  STRONG,
  /** Shared by households, cafés or meme sharers: creates an association, never a merge. */
  WEAK
}

package org.tiptrace.tip;

/** The document formats Tiptrace reads. */
public enum SourceFormat {
  /** NCMEC ESP reporting XML, root {@code report}. */
  ESP_XML_REPORT,
  /** NCMEC ESP reporting XML, root {@code fileDetails}. */
  ESP_XML_FILE_DETAILS,
  /** The law-enforcement JSON download of a CyberTipline report. */
  LE_JSON
}

package org.tiptrace.ip;

import java.util.List;
import java.util.Optional;

/**
 * The installed IP data sets, shared by every agency of the installation and by the CLI and the web
 * app on the same database (docs/decisions/0008). Each set is kept whole, with its record.
 */
public interface IpDataRepository {

  /** Installs a set, replacing one of the same name in the same transaction. */
  void install(InstalledDataSet set, byte[] bytes);

  /** Every installed set, by name. */
  List<InstalledDataSet> list();

  /** Removes a set; false when there was none of that name. */
  boolean remove(String name);

  /** The bytes of a set; empty when there is none of that name. */
  Optional<byte[]> bytes(String name);
}

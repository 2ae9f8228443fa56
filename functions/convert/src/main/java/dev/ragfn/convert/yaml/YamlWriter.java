package dev.ragfn.convert.yaml;

import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Writes maps and lists as block YAML in the layout of the framework's own files: two-space
 * indent, list items indented under their key, empty values for nulls (as in {@code vault:}).
 * Insertion order is kept, so callers build ordered maps and get the same bytes every time.
 */
public final class YamlWriter {

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(4096)
            .setSplitLines(false)
            .build();

    private YamlWriter() {
    }

    public static String write(String header, Object document) {
        StringBuilder out = new StringBuilder();
        if (header != null && !header.isBlank()) {
            header.lines().forEach(l -> out.append(l.isEmpty() ? "#" : "# " + l).append('\n'));
        }
        Dump dump = new Dump(SETTINGS, new NullAsEmpty(SETTINGS));
        out.append(dump.dumpToString(document));
        return out.toString();
    }

    private static final class NullAsEmpty extends StandardRepresenter {
        NullAsEmpty(DumpSettings settings) {
            super(settings);
            this.nullRepresenter = data -> representScalar(Tag.NULL, "", ScalarStyle.PLAIN);
        }
    }
}

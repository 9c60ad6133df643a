package org.pluralstats.report.svg;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Test helper: an SVG parsed into its elements in document (drawing) order. */
final class SvgDom {
    private SvgDom() {
    }

    /**
     * @param svg an SVG document
     * @return every element, in document order (later elements are painted over earlier ones)
     */
    static List<Element> elements(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        List<Element> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            Node n = kids.item(i);
            if (n instanceof Element k) {
                collect(k, out);
            }
        }
    }

    /** @return the indices in {@code all} of the elements named {@code name} with {@code attr="value"} */
    static List<Integer> indices(List<Element> all, String name, String attr, String value) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Element e = all.get(i);
            if (e.getLocalName().equals(name) && value.equals(e.getAttribute(attr))) {
                out.add(i);
            }
        }
        return out;
    }

    /** @return the indices of the elements named {@code name} */
    static List<Integer> indices(List<Element> all, String name) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getLocalName().equals(name)) {
                out.add(i);
            }
        }
        return out;
    }
}

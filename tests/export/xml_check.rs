//! Reads exported GraphML and GEXF back with quick-xml and checks their structure, so the
//! test does not trust the writer's own idea of what it wrote.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One element: its name, its attributes (unescaped), and the names of its ancestors.
#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub attrs: HashMap<String, String>,
    pub ancestors: Vec<String>,
}

impl Element {
    fn attr(&self, key: &str) -> &str {
        self.attrs
            .get(key)
            .unwrap_or_else(|| panic!("<{}> has no {key}: {:?}", self.name, self.attrs))
    }
    fn inside(&self, name: &str) -> bool {
        self.ancestors.iter().any(|a| a == name)
    }
}

/// What a reader found; `nodes` and `edges` are what a graph tool would count.
#[derive(Debug)]
pub struct Summary {
    pub nodes: usize,
    pub edges: usize,
    /// Edges whose `directed` attribute value is `false`.
    pub undirected: usize,
}

fn element(start: &BytesStart, ancestors: &[String]) -> Element {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let attrs = start
        .attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute, no duplicates");
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = a.unescape_value().expect("attribute value unescapes");
            (key, value.into_owned())
        })
        .collect();
    Element {
        name,
        attrs,
        ancestors: ancestors.to_vec(),
    }
}

/// Parses the whole document; panics on anything malformed (quick-xml checks that end
/// tags match and that entities are known). Text is paired with its element's index.
pub fn parse(text: &str) -> (Vec<Element>, Vec<(usize, String)>) {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let (mut elements, mut texts, mut stack) =
        (Vec::new(), Vec::new(), Vec::<(String, usize)>::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) => {
                let names: Vec<String> = stack.iter().map(|(n, _)| n.clone()).collect();
                let el = element(&start, &names);
                stack.push((el.name.clone(), elements.len()));
                elements.push(el);
            }
            Event::Empty(start) => {
                let names: Vec<String> = stack.iter().map(|(n, _)| n.clone()).collect();
                elements.push(element(&start, &names));
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => {
                let value = t.unescape().expect("text unescapes").into_owned();
                if let Some(&(_, at)) = stack.last()
                    && !value.trim().is_empty()
                {
                    texts.push((at, value));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && !"\t\n\r".contains(c)),
        "a control character XML 1.0 forbids"
    );
    (elements, texts)
}

/// Node ids are unique; every edge has a unique id and ends at declared nodes.
fn check_graph(elements: &[Element]) -> (usize, usize) {
    let mut node_ids = HashSet::new();
    for node in elements.iter().filter(|e| e.name == "node") {
        assert!(
            node_ids.insert(node.attr("id")),
            "duplicate node {}",
            node.attr("id")
        );
    }
    let mut edge_ids = HashSet::new();
    let edges: Vec<&Element> = elements.iter().filter(|e| e.name == "edge").collect();
    for edge in &edges {
        assert!(
            edge_ids.insert(edge.attr("id")),
            "duplicate edge id {}",
            edge.attr("id")
        );
        for end in ["source", "target"] {
            assert!(
                node_ids.contains(edge.attr(end)),
                "edge {end} {} undeclared",
                edge.attr(end)
            );
        }
    }
    (node_ids.len(), edges.len())
}

pub fn graphml(text: &str) -> Summary {
    let (elements, texts) = parse(text);
    let root = &elements[0];
    assert_eq!(root.name, "graphml");
    assert_eq!(root.attr("xmlns"), "http://graphml.graphdrawing.org/xmlns");
    let graph = elements
        .iter()
        .find(|e| e.name == "graph")
        .expect("a <graph>");
    assert_eq!(graph.attr("edgedefault"), "directed");
    // key id → (for, attr.name); every <data> must use a key declared for its element.
    let keys: HashMap<&str, (&str, &str)> = elements
        .iter()
        .filter(|e| e.name == "key")
        .map(|k| (k.attr("id"), (k.attr("for"), k.attr("attr.name"))))
        .collect();
    let names: HashSet<(&str, &str)> = keys.values().copied().collect();
    for expected in [
        ("node", "label"),
        ("node", "kind"),
        ("node", "regions"),
        ("edge", "kind"),
        ("edge", "directed"),
    ] {
        assert!(names.contains(&expected), "missing key {expected:?}");
    }
    let mut undirected = 0;
    for (i, data) in elements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.name == "data")
    {
        let owner = data.ancestors.last().expect("data inside an element");
        let (class, name) = keys[data.attr("key")];
        assert_eq!(owner, class, "key {} used on a <{owner}>", data.attr("key"));
        let value = texts
            .iter()
            .find(|(at, _)| *at == i)
            .map(|(_, v)| v.as_str());
        if (class, name, value) == ("edge", "directed", Some("false")) {
            undirected += 1;
        }
    }
    let (nodes, edges) = check_graph(&elements);
    Summary {
        nodes,
        edges,
        undirected,
    }
}

pub fn gexf(text: &str) -> Summary {
    let (elements, _) = parse(text);
    let root = &elements[0];
    assert_eq!(root.name, "gexf");
    assert_eq!(root.attr("xmlns"), "http://gexf.net/1.3");
    assert_eq!(root.attr("version"), "1.3");
    assert!(
        elements
            .iter()
            .any(|e| e.name == "creator" && e.inside("meta"))
    );
    let graph = elements
        .iter()
        .find(|e| e.name == "graph")
        .expect("a <graph>");
    assert_eq!(graph.attr("defaultedgetype"), "directed");
    for name in ["nodes", "edges"] {
        assert!(
            elements.iter().any(|e| e.name == name && e.inside("graph")),
            "no <{name}>"
        );
    }
    // (class, id) → title, classes taken from the enclosing <attributes class=…>; every
    // <attvalue> must name an attribute declared for its own class.
    let mut declared = HashMap::new();
    let mut class = "";
    for e in &elements {
        match e.name.as_str() {
            "attributes" => class = e.attr("class"),
            "attribute" => {
                declared.insert((class, e.attr("id")), e.attr("title"));
            }
            _ => {}
        }
    }
    for expected in ["kind", "regions", "directed"] {
        assert!(
            declared.values().any(|t| *t == expected),
            "no attribute {expected}"
        );
    }
    let mut undirected = 0;
    for value in elements.iter().filter(|e| e.name == "attvalue") {
        let class = if value.inside("edge") { "edge" } else { "node" };
        let title = declared
            .get(&(class, value.attr("for")))
            .unwrap_or_else(|| {
                panic!(
                    "attvalue for={} not declared for {class}",
                    value.attr("for")
                )
            });
        if (class, *title, value.attr("value")) == ("edge", "directed", "false") {
            undirected += 1;
        }
    }
    let (nodes, edges) = check_graph(&elements);
    Summary {
        nodes,
        edges,
        undirected,
    }
}

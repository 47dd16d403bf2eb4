#include "casus/analysis/network.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "casus/analysis/format.h"

namespace casus::analysis {

Network build_network(const Dataset& data, Actors& actors, const NetworkOptions& opt) {
  Network net;
  net.unit = data.unit;
  net.from_day = opt.from_day;
  net.to_day = opt.to_day;
  std::map<std::string, int64_t> node_records;
  struct Acc {
    int64_t records = 0, conflict = 0, cooperation = 0, ab = 0, ba = 0;
    double sum = 0, abs_sum = 0;
  };
  std::map<std::pair<std::string, std::string>, Acc> pairs;
  std::vector<std::string> a_keys, r_keys;
  std::set<std::pair<std::string, std::string>> seen;
  for (const Record& r : data.records) {
    if (opt.from_day && r.day < *opt.from_day) continue;
    if (opt.to_day && r.day > *opt.to_day) continue;
    a_keys.clear();
    r_keys.clear();
    for (const auto& p : r.actors)
      if (auto k = actors.key(p, r.day); !k.empty()) a_keys.push_back(k);
    for (const auto& p : r.recipients)
      if (auto k = actors.key(p, r.day); !k.empty()) r_keys.push_back(k);
    std::set<std::string> named(a_keys.begin(), a_keys.end());
    named.insert(r_keys.begin(), r_keys.end());
    for (const auto& k : named) ++node_records[k];
    seen.clear();
    for (const auto& a : a_keys)
      for (const auto& b : r_keys) {
        if (a == b) continue;
        bool forward = a < b;
        auto key = forward ? std::make_pair(a, b) : std::make_pair(b, a);
        if (!seen.insert(key).second) continue;
        Acc& acc = pairs[key];
        ++acc.records;
        acc.sum += r.score;
        acc.abs_sum += std::abs(r.score);
        if (r.score < 0) ++acc.conflict;
        if (r.score > 0) ++acc.cooperation;
        ++(forward ? acc.ab : acc.ba);
      }
  }
  // Nodes: enough records, or an endpoint of a kept edge.
  std::set<std::string> keep;
  for (const auto& [k, n] : node_records)
    if (n >= opt.min_node_records) keep.insert(k);
  std::unordered_map<std::string, uint32_t> index;
  for (const auto& k : keep) {
    const ActorInfo* info = actors.info(k);
    Node n;
    n.key = k;
    n.name = info ? info->name : k;
    n.type = info ? info->type : "";
    n.country = info ? info->country : "";
    n.records = node_records[k];
    index[k] = static_cast<uint32_t>(net.nodes.size());
    net.nodes.push_back(std::move(n));
  }
  for (const auto& [key, acc] : pairs) {
    if (acc.records < opt.min_edge_records) continue;
    auto ia = index.find(key.first), ib = index.find(key.second);
    if (ia == index.end() || ib == index.end()) continue;
    Edge e;
    e.a = ia->second;
    e.b = ib->second;
    e.records = acc.records;
    e.conflict = acc.conflict;
    e.cooperation = acc.cooperation;
    e.a_to_b = acc.ab;
    e.b_to_a = acc.ba;
    e.score_sum = acc.sum;
    net.nodes[e.a].strength += acc.abs_sum;
    net.nodes[e.b].strength += acc.abs_sum;
    net.edges.push_back(e);
  }
  detect_communities(net);
  net.balance = structural_balance(net);
  return net;
}

void detect_communities(Network& net) {
  const size_t n = net.nodes.size();
  std::vector<std::vector<std::pair<uint32_t, double>>> adj(n);
  double total = 0;
  for (const auto& e : net.edges) {
    if (e.score_sum <= 0) continue;
    adj[e.a].push_back({e.b, e.score_sum});
    adj[e.b].push_back({e.a, e.score_sum});
    total += e.score_sum;
  }
  std::vector<uint32_t> label(n);
  for (uint32_t i = 0; i < n; ++i) label[i] = i;
  // Asynchronous propagation in node order: each node takes the label its cooperative neighbours carry with the
  // most weight; a tie keeps the current label when it is among the best, else takes the smallest. Stops when a
  // sweep changes nothing (or after 100 sweeps: oscillation is rare with asynchronous updates).
  std::unordered_map<uint32_t, double> weight;
  for (int sweep = 0; sweep < 100; ++sweep) {
    bool changed = false;
    for (uint32_t v = 0; v < n; ++v) {
      if (adj[v].empty()) continue;
      weight.clear();
      for (auto [u, w] : adj[v]) weight[label[u]] += w;
      double best = -1;
      uint32_t pick = label[v];
      for (auto [l, w] : weight)
        if (w > best + 1e-12 || (std::abs(w - best) <= 1e-12 && l < pick)) {
          best = w;
          pick = l;
        }
      auto own = weight.find(label[v]);
      if (own != weight.end() && std::abs(own->second - best) <= 1e-12) pick = label[v];
      if (pick != label[v]) {
        label[v] = pick;
        changed = true;
      }
    }
    if (!changed) break;
  }
  std::map<uint32_t, std::vector<uint32_t>> groups;
  for (uint32_t v = 0; v < n; ++v) groups[label[v]].push_back(v);
  net.communities.clear();
  for (auto& [l, members] : groups) {
    std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) {
      return net.nodes[a].records != net.nodes[b].records ? net.nodes[a].records > net.nodes[b].records : a < b;
    });
    net.communities.push_back({std::move(members)});
  }
  std::stable_sort(net.communities.begin(), net.communities.end(), [](const Community& a, const Community& b) {
    return a.nodes.size() > b.nodes.size();
  });
  for (size_t c = 0; c < net.communities.size(); ++c)
    for (uint32_t v : net.communities[c].nodes) net.nodes[v].community = static_cast<int>(c);
  // Newman modularity on the positive graph: Q = Σ_c [ in_c / m − (deg_c / 2m)² ].
  net.modularity = 0;
  if (total > 0) {
    std::vector<double> in(net.communities.size(), 0), deg(net.communities.size(), 0);
    for (const auto& e : net.edges) {
      if (e.score_sum <= 0) continue;
      int ca = net.nodes[e.a].community, cb = net.nodes[e.b].community;
      deg[ca] += e.score_sum;
      deg[cb] += e.score_sum;
      if (ca == cb) in[ca] += e.score_sum;
    }
    for (size_t c = 0; c < in.size(); ++c) net.modularity += in[c] / total - std::pow(deg[c] / (2 * total), 2);
  }
}

Balance structural_balance(const Network& net) {
  Balance b;
  const size_t n = net.nodes.size();
  // Signed adjacency, each list sorted by neighbour; triangles are counted once as u < v < w.
  std::vector<std::vector<std::pair<uint32_t, int>>> adj(n);
  for (const auto& e : net.edges)
    if (int s = e.sign(); s != 0) {
      adj[e.a].push_back({e.b, s});
      adj[e.b].push_back({e.a, s});
    }
  for (auto& l : adj) std::sort(l.begin(), l.end());
  for (uint32_t u = 0; u < n; ++u)
    for (auto [v, suv] : adj[u]) {
      if (v <= u) continue;
      // Intersect the neighbours of u and v above v.
      auto iu = std::upper_bound(adj[u].begin(), adj[u].end(), std::make_pair(v, 2));
      auto iv = std::upper_bound(adj[v].begin(), adj[v].end(), std::make_pair(v, 2));
      while (iu != adj[u].end() && iv != adj[v].end()) {
        if (iu->first < iv->first) ++iu;
        else if (iv->first < iu->first) ++iv;
        else {
          int negatives = (suv < 0) + (iu->second < 0) + (iv->second < 0);
          ++b.triangles;
          if (negatives == 0) ++b.ppp;
          else if (negatives == 1) ++b.ppn;
          else if (negatives == 2) ++b.pnn;
          else ++b.nnn;
          ++iu;
          ++iv;
        }
      }
    }
  b.balanced = b.ppp + b.pnn;
  return b;
}

namespace {
std::string range_text(const Network& net) {
  return (net.from_day ? day_iso(*net.from_day) : std::string("start")) + " .. " +
         (net.to_day ? day_iso(*net.to_day) : std::string("end"));
}
}  // namespace

std::string network_graphml(const Network& net) {
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
       "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
       "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
       "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
       "  <key id=\"records\" for=\"node\" attr.name=\"records\" attr.type=\"long\"/>\n"
       "  <key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n"
       "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
       "  <key id=\"sign\" for=\"edge\" attr.name=\"sign\" attr.type=\"int\"/>\n"
       "  <key id=\"score_sum\" for=\"edge\" attr.name=\"score_sum\" attr.type=\"double\"/>\n"
       "  <key id=\"erecords\" for=\"edge\" attr.name=\"records\" attr.type=\"long\"/>\n"
       "  <key id=\"conflict\" for=\"edge\" attr.name=\"conflict\" attr.type=\"long\"/>\n"
       "  <key id=\"cooperation\" for=\"edge\" attr.name=\"cooperation\" attr.type=\"long\"/>\n";
  o << "  <graph id=\"casus\" edgedefault=\"undirected\">\n";
  o << "    <desc>casus actor network, " << unit_name(net.unit) << ", " << range_text(net) << "</desc>\n";
  for (const auto& n : net.nodes) {
    o << "    <node id=\"" << xml_escape(n.key) << "\"><data key=\"name\">" << xml_escape(n.name)
      << "</data><data key=\"type\">" << xml_escape(n.type) << "</data><data key=\"country\">" << xml_escape(n.country)
      << "</data><data key=\"records\">" << n.records << "</data><data key=\"community\">" << n.community
      << "</data></node>\n";
  }
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const Edge& e = net.edges[i];
    o << "    <edge id=\"e" << i << "\" source=\"" << xml_escape(net.nodes[e.a].key) << "\" target=\""
      << xml_escape(net.nodes[e.b].key) << "\"><data key=\"weight\">" << fmt_number(e.mean())
      << "</data><data key=\"sign\">" << e.sign() << "</data><data key=\"score_sum\">" << fmt_number(e.score_sum)
      << "</data><data key=\"erecords\">" << e.records << "</data><data key=\"conflict\">" << e.conflict
      << "</data><data key=\"cooperation\">" << e.cooperation << "</data></edge>\n";
  }
  o << "  </graph>\n</graphml>\n";
  return o.str();
}

std::string network_gexf(const Network& net) {
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
       "  <meta><creator>casus</creator><description>actor network, "
    << unit_name(net.unit) << ", " << range_text(net) << "</description></meta>\n";
  o << "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n"
       "    <attributes class=\"node\">\n"
       "      <attribute id=\"0\" title=\"type\" type=\"string\"/>\n"
       "      <attribute id=\"1\" title=\"country\" type=\"string\"/>\n"
       "      <attribute id=\"2\" title=\"records\" type=\"long\"/>\n"
       "      <attribute id=\"3\" title=\"community\" type=\"integer\"/>\n"
       "    </attributes>\n"
       "    <attributes class=\"edge\">\n"
       "      <attribute id=\"0\" title=\"sign\" type=\"integer\"/>\n"
       "      <attribute id=\"1\" title=\"score_sum\" type=\"double\"/>\n"
       "      <attribute id=\"2\" title=\"records\" type=\"long\"/>\n"
       "      <attribute id=\"3\" title=\"conflict\" type=\"long\"/>\n"
       "      <attribute id=\"4\" title=\"cooperation\" type=\"long\"/>\n"
       "    </attributes>\n    <nodes>\n";
  for (const auto& n : net.nodes)
    o << "      <node id=\"" << xml_escape(n.key) << "\" label=\"" << xml_escape(n.name) << "\"><attvalues>"
      << "<attvalue for=\"0\" value=\"" << xml_escape(n.type) << "\"/><attvalue for=\"1\" value=\""
      << xml_escape(n.country) << "\"/><attvalue for=\"2\" value=\"" << n.records
      << "\"/><attvalue for=\"3\" value=\"" << n.community << "\"/></attvalues></node>\n";
  o << "    </nodes>\n    <edges>\n";
  // Gephi weights must be positive for most layouts: weight is |mean score| and the sign is an attribute.
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const Edge& e = net.edges[i];
    o << "      <edge id=\"" << i << "\" source=\"" << xml_escape(net.nodes[e.a].key) << "\" target=\""
      << xml_escape(net.nodes[e.b].key) << "\" weight=\"" << fmt_number(std::max(std::abs(e.mean()), 0.001))
      << "\"><attvalues><attvalue for=\"0\" value=\"" << e.sign() << "\"/><attvalue for=\"1\" value=\""
      << fmt_number(e.score_sum) << "\"/><attvalue for=\"2\" value=\"" << e.records
      << "\"/><attvalue for=\"3\" value=\"" << e.conflict << "\"/><attvalue for=\"4\" value=\"" << e.cooperation
      << "\"/></attvalues></edge>\n";
  }
  o << "    </edges>\n  </graph>\n</gexf>\n";
  return o.str();
}

nlohmann::json network_json(const Network& net) {
  nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array(), comms = nlohmann::json::array();
  auto null_if_empty = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  for (const auto& n : net.nodes)
    nodes.push_back({{"id", n.key},
                     {"name", n.name},
                     {"type", null_if_empty(n.type)},
                     {"country", null_if_empty(n.country)},
                     {"records", n.records},
                     {"community", n.community}});
  for (const auto& e : net.edges)
    edges.push_back({{"source", net.nodes[e.a].key},
                     {"target", net.nodes[e.b].key},
                     {"sign", e.sign()},
                     {"weight", std::round(e.mean() * 1000) / 1000},
                     {"score_sum", std::round(e.score_sum * 1000) / 1000},
                     {"records", e.records},
                     {"conflict", e.conflict},
                     {"cooperation", e.cooperation},
                     {"source_to_target", e.a_to_b},
                     {"target_to_source", e.b_to_a}});
  for (size_t c = 0; c < net.communities.size(); ++c) {
    nlohmann::json members = nlohmann::json::array();
    for (uint32_t v : net.communities[c].nodes) members.push_back(net.nodes[v].key);
    comms.push_back({{"id", c}, {"members", members}});
  }
  const Balance& b = net.balance;
  return {{"unit", unit_name(net.unit)},
          {"from", net.from_day ? nlohmann::json(day_iso(*net.from_day)) : nlohmann::json(nullptr)},
          {"to", net.to_day ? nlohmann::json(day_iso(*net.to_day)) : nlohmann::json(nullptr)},
          {"nodes", nodes},
          {"edges", edges},
          {"communities", comms},
          {"modularity", std::round(net.modularity * 1000) / 1000},
          {"balance",
           {{"triangles", b.triangles},
            {"balanced", b.balanced},
            {"share", std::round(b.share() * 1000) / 1000},
            {"+++", b.ppp},
            {"++-", b.ppn},
            {"+--", b.pnn},
            {"---", b.nnn}}}};
}

}  // namespace casus::analysis

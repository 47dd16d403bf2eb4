"""Read Debian's libgeonames city table through ctypes (Python 3 standard library only).

libgeonames (package libgeonames0) compiles the GeoNames cities table (cities of 15,000+ inhabitants,
CC BY 4.0, geonames.org) into the shared library; this module exposes it as a list of dicts.
"""
import ctypes
import ctypes.util


def load_cities():
    lib = ctypes.CDLL(ctypes.util.find_library("geonames") or "libgeonames.so.0")
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    for f in ("name", "state", "country", "country_code"):
        fn = getattr(lib, "geonames_city_get_" + f)
        fn.restype = ctypes.c_char_p
        fn.argtypes = [ctypes.c_void_p]
    for f in ("latitude", "longitude"):
        fn = getattr(lib, "geonames_city_get_" + f)
        fn.restype = ctypes.c_double
        fn.argtypes = [ctypes.c_void_p]
    lib.geonames_city_get_population.restype = ctypes.c_uint
    lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    lib.geonames_city_free.argtypes = [ctypes.c_void_p]
    out = []
    for i in range(lib.geonames_get_n_cities()):
        c = lib.geonames_get_city(i)
        out.append({
            "name": lib.geonames_city_get_name(c).decode("utf-8"),
            "state": (lib.geonames_city_get_state(c) or b"").decode("utf-8"),
            "cc": lib.geonames_city_get_country_code(c).decode("utf-8"),
            "lat": lib.geonames_city_get_latitude(c),
            "lon": lib.geonames_city_get_longitude(c),
            "pop": lib.geonames_city_get_population(c),
        })
        lib.geonames_city_free(c)
    return out


def iso2_to_iso3(path="/usr/share/iso-codes/json/iso_3166-1.json"):
    import json
    m = {c["alpha_2"]: c["alpha_3"] for c in json.load(open(path, encoding="utf-8"))["3166-1"]}
    m["XK"] = "XKX"
    return m

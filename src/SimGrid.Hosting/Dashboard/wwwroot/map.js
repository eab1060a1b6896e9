// Where each oblast's tile sits on the map: a cartogram of equal tiles in roughly their geographic places (column,
// row; west to east, north to south), as news desks draw Ukraine. A region not listed (a synthetic grid) goes in the
// rows below, in grid order.
window.SIMGRID_TILES = {
  "volyn": [1, 0], "rivne": [2, 0], "zhytomyr": [3, 0], "kyiv": [4, 0], "chernihiv": [5, 0], "sumy": [6, 0],
  "lviv": [1, 1], "ternopil": [2, 1], "khmelnytskyi": [3, 1], "kyiv-city": [4, 1], "poltava": [5, 1], "kharkiv": [6, 1], "luhansk": [7, 1],
  "zakarpattia": [0, 2], "ivano-frankivsk": [1, 2], "chernivtsi": [2, 2], "vinnytsia": [3, 2], "cherkasy": [4, 2], "dnipropetrovsk": [5, 2], "donetsk": [6, 2],
  "odesa": [3, 3], "kirovohrad": [4, 3], "zaporizhzhia": [5, 3],
  "mykolaiv": [4, 4], "kherson": [5, 4],
};

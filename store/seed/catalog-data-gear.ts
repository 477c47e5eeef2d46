import { BRIGHT_COLOURS, EARTH_COLOURS, HOME_COLOURS, TECH_COLOURS, type ProductType } from './catalog-types.js';

/** Camping and hiking kit, homeware and electronics accessories. */
export const GEAR_TYPES: readonly ProductType[] = [
  {
    category: 'outdoor', type: 'Daypack 22L', price: [55, 95], materials: ['recycled ripstop nylon'], colours: [...EARTH_COLOURS, ...BRIGHT_COLOURS],
    blurb: 'a comfortable pack for a full day in the hills', season: 'spring',
    features: ['a ventilated back panel', 'a hydration sleeve', 'hip-belt pockets', 'an integrated rain cover'],
    extra: (r) => ({ capacity_l: 22, weight_g: r.int(680, 900) }),
  },
  {
    category: 'outdoor', type: 'Trekking Pack 45L', price: [120, 180], sizes: ['S/M', 'M/L'], materials: ['recycled high-tenacity nylon'], colours: EARTH_COLOURS,
    blurb: 'an adjustable pack for hut-to-hut trips', season: 'spring',
    features: ['an adjustable back length', 'a lid with two pockets', 'a floating hip belt', 'side compression straps'],
    extra: (r) => ({ capacity_l: 45, weight_g: r.int(1300, 1700) }),
  },
  {
    category: 'outdoor', type: '2-Person Tent', price: [180, 360], materials: ['silnylon with aluminium poles'], colours: ['Green', 'Sand', 'Grey'],
    blurb: 'a freestanding backpacking tent that pitches in five minutes', season: 'summer',
    features: ['two doors and two porches', 'colour-coded poles', 'a 3000 mm hydrostatic head fly', 'a footprint included'],
    extra: (r) => ({ berths: 2, weight_g: r.int(1600, 2400), seasons: 3 }),
  },
  {
    category: 'outdoor', type: 'Sleeping Bag', price: [90, 240], sizes: ['Regular', 'Long'], materials: ['synthetic insulation', 'responsibly sourced down'], colours: ['Navy', 'Rust', 'Moss'],
    blurb: 'a mummy bag rated for three-season UK camping', season: 'summer',
    features: ['a draught collar', 'a two-way zip', 'a compression sack', 'a shaped foot box'],
    extra: (r) => ({ comfort_rating_c: r.pick([-2, 2, 5]), weight_g: r.int(900, 1600) }),
  },
  {
    category: 'outdoor', type: 'Sleeping Mat', price: [45, 120], sizes: ['Regular', 'Wide'], materials: ['TPU-laminated nylon'], colours: ['Orange', 'Blue'],
    blurb: 'an insulated air mat that packs to the size of a water bottle', season: 'summer',
    features: ['a pump sack', 'a flat valve', 'a repair kit'],
    extra: (r) => ({ r_value: r.pick([2.5, 3.2, 4.2]), weight_g: r.int(400, 650) }),
  },
  {
    category: 'outdoor', type: 'Trekking Poles (Pair)', price: [45, 110], materials: ['7075 aluminium', 'carbon fibre'], colours: ['Black', 'Grey'],
    blurb: 'a pair of folding poles that save the knees on long descents', season: 'spring',
    features: ['cork grips', 'quick-lock adjustment', 'tungsten tips', 'snow baskets'],
  },
  {
    category: 'outdoor', type: 'Headtorch', price: [25, 70], materials: ['polycarbonate'], colours: ['Black', 'Orange'],
    blurb: 'a bright, rechargeable headtorch with a red night mode', season: 'winter',
    features: ['USB-C charging', 'IPX4 weather resistance', 'a lock mode', 'a tilting lamp'],
    extra: (r) => ({ lumens: r.pick([350, 500, 800]), battery: 'Li-ion, rechargeable' }),
  },
  {
    category: 'outdoor', type: 'Camping Stove', price: [35, 90], materials: ['stainless steel and aluminium'], colours: ['Silver'],
    blurb: 'a compact gas stove that boils a litre in about four minutes', season: 'summer',
    features: ['a piezo igniter', 'folding pot supports', 'a carry case'],
    extra: () => ({ fuel: 'screw-thread gas cartridge (not included)' }),
  },
  {
    category: 'outdoor', type: 'Insulated Flask 750ml', price: [22, 38], materials: ['double-wall stainless steel'], colours: [...EARTH_COLOURS, ...BRIGHT_COLOURS],
    blurb: 'a vacuum flask that keeps tea hot for 12 hours', season: 'winter',
    features: ['a leak-proof lid', 'a cup lid', 'a powder-coated finish'],
    extra: () => ({ capacity_ml: 750 }),
  },
  {
    category: 'outdoor', type: 'Dry Bag Set', price: [20, 35], materials: ['TPU-coated nylon'], colours: ['Multi'],
    blurb: 'a set of three roll-top bags in 5, 10 and 20 litres', season: 'summer',
    features: ['welded seams', 'roll-top closures', 'D-ring attachment points'],
  },
  {
    category: 'outdoor', type: 'Camping Chair', price: [40, 75], materials: ['aluminium and recycled ripstop'], colours: ['Green', 'Grey'],
    blurb: 'a packable low chair for campsites and beaches', season: 'summer',
    features: ['a carry bag', 'a 120 kg load rating', 'anti-sink feet'],
  },
  {
    category: 'outdoor', type: 'First Aid Kit', price: [18, 40], materials: ['ripstop nylon'], colours: ['Red'],
    blurb: 'a walker’s first aid kit with blister care and a foil blanket', season: 'flat',
    features: ['a guide card', 'a whistle', 'tick tweezers'],
  },
  {
    category: 'home', type: 'Wool Throw', price: [60, 140], materials: ['pure new British wool', 'lambswool'], colours: HOME_COLOURS,
    blurb: 'a woven throw made in a West Yorkshire mill', season: 'gift',
    features: ['fringed ends', 'a herringbone weave', 'a gift box'],
    extra: () => ({ dimensions_cm: '130 x 180', care: 'dry clean or hand wash' }),
  },
  {
    category: 'home', type: 'Enamel Mug Set', price: [18, 30], materials: ['enamelled steel'], colours: HOME_COLOURS,
    blurb: 'a set of four speckled enamel mugs for camp and kitchen', season: 'gift',
    features: ['a rolled rim', '350 ml capacity', 'dishwasher-safe'],
  },
  {
    category: 'home', type: 'Stoneware Mug', price: [12, 18], materials: ['glazed stoneware'], colours: HOME_COLOURS,
    blurb: 'a hand-glazed mug from a Staffordshire pottery', season: 'gift',
    features: ['a reactive glaze', 'microwave- and dishwasher-safe'],
  },
  {
    category: 'home', type: 'Beeswax Candle', price: [14, 28], materials: ['British beeswax'], colours: ['Natural'],
    blurb: 'a hand-poured candle with a cotton wick', season: 'gift',
    features: ['a 40-hour burn time', 'a reusable tin'],
  },
  {
    category: 'home', type: 'Cushion Cover', price: [22, 38], materials: ['washed linen', 'wool tweed'], colours: HOME_COLOURS,
    blurb: 'a 45 cm cushion cover with a concealed zip', season: 'flat',
    features: ['a concealed zip', 'piped edges'],
  },
  {
    category: 'home', type: 'Tea Towel Set', price: [14, 22], materials: ['linen-cotton'], colours: HOME_COLOURS,
    blurb: 'a pair of tea towels printed with Pennine maps', season: 'gift',
    features: ['a hanging loop', 'screen-printed in Leeds'],
  },
  {
    category: 'home', type: 'Boot Tray', price: [20, 35], materials: ['recycled rubber'], colours: ['Black'],
    blurb: 'a raised-edge tray that keeps muddy boots off the floor', season: 'winter',
    features: ['a 60 x 40 cm footprint', 'raised ribs for drainage'],
  },
  {
    category: 'home', type: 'Hot Water Bottle', price: [20, 32], materials: ['natural rubber and knitted wool'], colours: HOME_COLOURS,
    blurb: 'a two-litre bottle in a knitted wool cover', season: 'winter',
    features: ['a removable cover', 'a BS 1970 certified bottle'],
  },
  {
    category: 'electronics', type: 'Power Bank 10000mAh', price: [25, 45], materials: ['recycled aluminium'], colours: TECH_COLOURS,
    blurb: 'a pocket power bank that charges a phone about twice', season: 'gift',
    features: ['USB-C Power Delivery 20 W', 'a pass-through charging mode', 'an LED charge gauge'],
    extra: () => ({ battery_mah: 10000, ports: 'USB-C, USB-A' }),
  },
  {
    category: 'electronics', type: 'Solar Charger Panel', price: [60, 110], materials: ['monocrystalline cells'], colours: ['Black'],
    blurb: 'a folding solar panel for charging on multi-day trips', season: 'summer',
    features: ['21 W output', 'two USB outputs', 'pack-strap loops'],
    extra: () => ({ output_w: 21 }),
  },
  {
    category: 'electronics', type: 'USB-C Cable (2m)', price: [9, 16], materials: ['braided nylon'], colours: TECH_COLOURS,
    blurb: 'a tough braided cable rated for 60 W charging', season: 'flat',
    features: ['a 10,000-bend rating', 'a hook-and-loop tie'],
  },
  {
    category: 'electronics', type: 'Rugged Phone Case', price: [20, 35], sizes: ['iPhone 15', 'iPhone 16', 'Galaxy S24', 'Pixel 9'],
    materials: ['TPU and polycarbonate'], colours: TECH_COLOURS,
    blurb: 'a drop-tested case with a lanyard point', season: 'flat',
    features: ['3 m drop protection', 'raised camera lip', 'MagSafe compatible where supported'],
  },
  {
    category: 'electronics', type: 'Waterproof Speaker', price: [40, 90], materials: ['recycled fabric over ABS'], colours: TECH_COLOURS,
    blurb: 'an IP67 Bluetooth speaker that floats', season: 'summer',
    features: ['12-hour battery life', 'a carabiner strap', 'stereo pairing'],
    extra: () => ({ ip_rating: 'IP67', battery_hours: 12 }),
  },
  {
    category: 'electronics', type: 'Rechargeable Hand Warmer', price: [22, 40], materials: ['aluminium'], colours: TECH_COLOURS,
    blurb: 'a two-sided hand warmer with three heat settings', season: 'winter',
    features: ['up to 8 hours of warmth', 'doubles as a power bank'],
  },
];

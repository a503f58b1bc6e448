/** The Catalog of the shop demo workspace, as the product's importer builds it. */
export { SHOP_DIR, SHOP_NOW, shopCatalog } from '../helpers/shop.js';

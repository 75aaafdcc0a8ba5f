package org.storeline.documents;

import java.time.format.DateTimeFormatter;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.outlet.Language;

/**
 * The words around a slip's data in each language an outlet speaks: the shop terms the French and Dutch help
 * pages of the platforms use (Bordereau d'expédition, Pakbon, Livraison / Ramassage, Verzending / Afhalen, Note sur
 * la vente, Afhandelingsnotities ...). Field names have no colon: they stand in a column of their own.
 */
record SlipWords(
        String packingSlip,
        String pickList,
        String receiptNumber,
        String order,
        String date,
        String type,
        String delivery,
        String pickup,
        String shippingMethod,
        String customer,
        String address,
        String customerNote,
        String saleNote,
        String notes,
        String quantity,
        String sku,
        String item,
        String unmatched,
        String units,
        String page,
        DateTimeFormatter dateFormat) {

    static SlipWords of(Language language) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", language.locale());
        return switch (language) {
            case EN ->
                new SlipWords(
                        "Packing slip",
                        "Pick list",
                        "Receipt number",
                        "Order",
                        "Order date",
                        "Type",
                        "Delivery",
                        "Pickup",
                        "Shipping method",
                        "Customer",
                        "Delivery address",
                        "Customer's note",
                        "Sale note",
                        "Fulfillment notes",
                        "Qty",
                        "SKU",
                        "Item",
                        "Unmatched: no product in the catalog, check this line",
                        "Total units",
                        "Page",
                        format);
            case FR ->
                new SlipWords(
                        "Bordereau d'expédition",
                        "Liste de prélèvement",
                        "Numéro de reçu",
                        "Commande",
                        "Date de la commande",
                        "Type",
                        "Livraison",
                        "Ramassage",
                        "Mode d'expédition",
                        "Client",
                        "Adresse de livraison",
                        "Note du client",
                        "Note sur la vente",
                        "Notes sur la commande",
                        "QTÉ",
                        "SKU",
                        "Article",
                        "Non associé : aucun produit du catalogue, vérifiez cette ligne",
                        "Total des unités",
                        "Page",
                        format);
            case NL ->
                new SlipWords(
                        "Pakbon",
                        "Verzamellijst",
                        "Bonnummer",
                        "Bestelling",
                        "Besteldatum",
                        "Type",
                        "Verzending",
                        "Afhalen",
                        "Verzendmethode",
                        "Klant",
                        "Leveradres",
                        "Opmerking van de klant",
                        "Verkoopnotitie",
                        "Afhandelingsnotities",
                        "Aantal",
                        "SKU",
                        "Artikel",
                        "Niet gekoppeld: geen product in de catalogus, controleer deze regel",
                        "Totaal aantal stuks",
                        "Pagina",
                        format);
        };
    }

    String title(boolean pickList) {
        return pickList ? this.pickList : packingSlip;
    }

    String typeName(FulfillmentType fulfillmentType) {
        return fulfillmentType == FulfillmentType.PICKUP ? pickup : delivery;
    }
}
